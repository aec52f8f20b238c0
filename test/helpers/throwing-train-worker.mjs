// A recommender training worker that fails on its data.
export default function train() {
  throw new Error('bad data in the worker');
}
