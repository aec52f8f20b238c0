// npm run link-code -- <merchantId>: a one-time code the merchant types in Slack (`/shop link <code>`).
// Only the code's hash is stored; it works once, within 15 minutes.
import { createLinkCode } from '../bots/slack/link-codes.ts';
import { migrate, openStore } from '../prisma/store.ts';
import { databaseUrl } from '../prisma/url.ts';

const id = Number(process.argv[2]);
if (!Number.isInteger(id) || id < 1) {
  console.error('usage: npm run link-code -- <merchantId>');
  process.exit(2);
}
const url = databaseUrl();
migrate(url);
const db = await openStore(url);
try {
  const merchant = await db.merchant.findUnique({ where: { id } });
  if (!merchant) {
    console.error(`no merchant with id ${id}`);
    process.exitCode = 1;
  } else {
    const { code, expiresAt } = await createLinkCode(db, id, new Date());
    console.log(code);
    console.log(`for ${merchant.name} (merchant ${id}); works once, until ${expiresAt.toISOString()} (15 minutes)`);
  }
} finally {
  await db.$disconnect();
}
