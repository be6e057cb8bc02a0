import nodemailer from 'nodemailer';
import type { Db } from '../db/database.js';
import { newId } from '../ids.js';
import type { Clock } from '../clock.js';
import type { Logger } from '../logger.js';

export type MessageChannel = 'email' | 'sms';

export interface OutboundMessage {
  channel: MessageChannel;
  /** An email address, or an E.164 phone number for sms (also used for WhatsApp gateways). */
  to: string;
  subject: string;
  text: string;
}

/** Sends one-time codes and notices to people outside the app. */
export interface Messenger {
  send(message: OutboundMessage): Promise<void>;
}

export interface MessengerOptions {
  db: Db;
  clock: Clock;
  log: Logger;
  smtpUrl: string | undefined;
  smsGatewayUrl: string | undefined;
  fromAddress: string;
}

/**
 * SMTP for email and an HTTP gateway for SMS/WhatsApp where configured; otherwise the local
 * outbox table, which the development console and the tests read.
 */
export function createMessenger(options: MessengerOptions): Messenger {
  const mailer = options.smtpUrl ? nodemailer.createTransport(options.smtpUrl) : undefined;
  const toLocalOutbox = async (message: OutboundMessage) => {
    await options.db
      .insertInto('outbox_message')
      .values({
        id: newId(),
        channel: message.channel,
        recipient: message.to,
        subject: message.subject,
        body: message.text,
        createdAt: options.clock.now().toISOString(),
      })
      .execute();
    options.log.info({ channel: message.channel, to: message.to }, 'message kept in local outbox');
  };

  return {
    async send(message) {
      if (message.channel === 'email' && mailer) {
        await mailer.sendMail({
          from: options.fromAddress,
          to: message.to,
          subject: message.subject,
          text: message.text,
        });
        return;
      }
      if (message.channel === 'sms' && options.smsGatewayUrl) {
        // A generic JSON gateway: most Indonesian SMS/WhatsApp providers accept this shape
        // through a small adapter of their own.
        const response = await fetch(options.smsGatewayUrl, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ to: message.to, text: `${message.subject}\n${message.text}` }),
        });
        if (!response.ok) throw new Error(`SMS gateway answered ${response.status}`);
        return;
      }
      await toLocalOutbox(message);
    },
  };
}
