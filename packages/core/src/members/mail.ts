/** An email the server sends (an invitation today). Plain text only. */
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

/**
 * How the server sends email. Switchboard ships none that delivers: `noMail` sends nothing and the
 * admin shows the invitation link to copy. A real transport (SMTP, an email API) implements `send`
 * and is passed where the core takes a `MailTransport`; `send` rejects when the message was not sent.
 */
export interface MailTransport {
  /** False for a transport that delivers nothing (the default), so callers know to show the link. */
  readonly delivers: boolean;
  send(message: MailMessage): Promise<void>;
}

/** The default: sends nothing. */
export const noMail: MailTransport = {
  delivers: false,
  async send() {},
};
