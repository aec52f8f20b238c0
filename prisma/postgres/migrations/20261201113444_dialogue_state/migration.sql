-- AlterTable
ALTER TABLE "Conversation" ADD COLUMN     "state" JSONB;

