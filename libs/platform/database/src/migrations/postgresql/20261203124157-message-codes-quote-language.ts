import { Migration } from '@mikro-orm/migrations';
import { upgradeMessageCodes } from '../message-codes-data';

/** Tasks and notifications carry a message code; quotes a language; the approval workflows' English texts and values rewritten as codes. */
export class Migration20261203124157_MessageCodesQuoteLanguage extends Migration {
  override async up(): Promise<void> {
    await this.execute('alter table "notifications_notification" add column "message" jsonb null');
    await this.execute('alter table "tasks_task" add column "message" jsonb null');
    await this.execute("alter table \"quotes_quote\" add column \"language\" varchar(2) not null default 'en'");
    await upgradeMessageCodes(this, 'postgresql');
  }

  override async down(): Promise<void> {
    this.addSql('alter table "notifications_notification" drop column "message"');
    this.addSql('alter table "tasks_task" drop column "message"');
    this.addSql('alter table "quotes_quote" drop column "language"');
  }
}
