// npm run link-code -- <merchantId>: the code a merchant types in Slack (`/shop link <code>`) to link their account.
import { linkCode, linkSecret } from '../bots/slack/link-codes.ts';

const id = Number(process.argv[2]);
if (!Number.isInteger(id) || id < 1) {
  console.error('usage: npm run link-code -- <merchantId>');
  process.exit(2);
}
console.log(linkCode(linkSecret(), id));
