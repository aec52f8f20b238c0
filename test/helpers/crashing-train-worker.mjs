// A recommender training worker that dies mid-task, as an out-of-memory or native crash would.
export default function train() {
  process.exit(3);
}
