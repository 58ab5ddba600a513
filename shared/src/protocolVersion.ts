/** The wire protocol version (protocol.ts), in a zod-free module so that the client can import it without zod. */
export const PROTOCOL_VERSION = 1;
