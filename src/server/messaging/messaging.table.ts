export interface OutboxMessageTable {
  id: string;
  channel: string;
  recipient: string;
  subject: string;
  body: string;
  createdAt: string;
}

export interface MessagingTables {
  outbox_message: OutboxMessageTable;
}
