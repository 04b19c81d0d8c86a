import { deserialize, serialize, type Document } from 'bson';

/** MongoDB wire protocol opcodes we speak. Anything else closes the connection. */
export const OP_REPLY = 1;
export const OP_QUERY = 2004;
export const OP_MSG = 2013;

export const HEADER_BYTES = 16;
/** Largest message we accept; matches the maxMessageSizeBytes we advertise in hello. */
export const MAX_MESSAGE_BYTES = 48_000_000;
export const MAX_BSON_OBJECT_SIZE = 16 * 1024 * 1024;

const FLAG_CHECKSUM_PRESENT = 1 << 0;
const FLAG_MORE_TO_COME = 1 << 1;

export class ProtocolError extends Error {}

export interface Command {
  requestId: number;
  opCode: typeof OP_MSG | typeof OP_QUERY;
  /** The command document, with OP_MSG document sequences merged in as arrays. */
  body: Document;
  /** OP_QUERY carries the database in the namespace; OP_MSG in body.$db. */
  database: string;
  /** The client asked for no reply (unacknowledged write). */
  moreToCome: boolean;
}

/** Reads one complete message (header included) into a command. Throws ProtocolError on anything malformed. */
export function parseMessage(message: Buffer): Command {
  const requestId = message.readInt32LE(4);
  const opCode = message.readInt32LE(12);
  try {
    if (opCode === OP_MSG) return parseOpMsg(message, requestId);
    if (opCode === OP_QUERY) return parseOpQuery(message, requestId);
  } catch (error) {
    if (error instanceof ProtocolError) throw error;
    throw new ProtocolError(`malformed message: ${(error as Error).message}`);
  }
  throw new ProtocolError(`unsupported opcode ${opCode}`);
}

function readDocument(message: Buffer, offset: number, end: number): { doc: Document; next: number } {
  if (offset + 5 > end) throw new ProtocolError('truncated BSON document');
  const size = message.readInt32LE(offset);
  if (size < 5 || offset + size > end) throw new ProtocolError('BSON document length out of range');
  return { doc: deserialize(message.subarray(offset, offset + size)), next: offset + size };
}

function readCString(message: Buffer, offset: number, end: number): { value: string; next: number } {
  const zero = message.indexOf(0, offset);
  if (zero < 0 || zero >= end) throw new ProtocolError('unterminated string');
  return { value: message.toString('utf8', offset, zero), next: zero + 1 };
}

function parseOpMsg(message: Buffer, requestId: number): Command {
  const flags = message.readUInt32LE(HEADER_BYTES);
  const end = message.length - (flags & FLAG_CHECKSUM_PRESENT ? 4 : 0);
  let offset = HEADER_BYTES + 4;
  let body: Document | undefined;
  const sequences: Record<string, Document[]> = {};
  while (offset < end) {
    const kind = message[offset++];
    if (kind === 0) {
      if (body) throw new ProtocolError('OP_MSG with two body sections');
      const read = readDocument(message, offset, end);
      body = read.doc;
      offset = read.next;
    } else if (kind === 1) {
      if (offset + 4 > end) throw new ProtocolError('truncated document sequence');
      const sectionEnd = offset + message.readInt32LE(offset);
      if (sectionEnd > end || sectionEnd < offset + 5) throw new ProtocolError('document sequence length out of range');
      const id = readCString(message, offset + 4, sectionEnd);
      const docs: Document[] = [];
      let at = id.next;
      while (at < sectionEnd) {
        const read = readDocument(message, at, sectionEnd);
        docs.push(read.doc);
        at = read.next;
      }
      sequences[id.value] = docs;
      offset = sectionEnd;
    } else {
      throw new ProtocolError(`unknown OP_MSG section kind ${kind}`);
    }
  }
  if (!body) throw new ProtocolError('OP_MSG without a body section');
  for (const [name, docs] of Object.entries(sequences)) body[name] = docs;
  const database = typeof body.$db === 'string' ? body.$db : 'admin';
  return { requestId, opCode: OP_MSG, body, database, moreToCome: (flags & FLAG_MORE_TO_COME) !== 0 };
}

/** Legacy OP_QUERY is only used by drivers for the first handshake; we accept commands on `db.$cmd` only. */
function parseOpQuery(message: Buffer, requestId: number): Command {
  let offset = HEADER_BYTES + 4;
  const ns = readCString(message, offset, message.length);
  offset = ns.next + 8; // numberToSkip, numberToReturn
  const query = readDocument(message, offset, message.length).doc;
  if (!ns.value.endsWith('.$cmd')) throw new ProtocolError(`legacy OP_QUERY on ${ns.value} is not supported`);
  const body = query.$query && typeof query.$query === 'object' ? (query.$query as Document) : query;
  return { requestId, opCode: OP_QUERY, body, database: ns.value.slice(0, -'.$cmd'.length), moreToCome: false };
}

let nextResponseId = 1;

/** Encodes a reply in the same protocol the request used, as one buffer (one copy of the serialized body). */
export function encodeReply(command: Command, reply: Document): Buffer {
  const doc = serialize(reply);
  const isMsg = command.opCode === OP_MSG;
  // OP_MSG: flags (0) and section kind (0); OP_REPLY: responseFlags, cursorID (8), startingFrom, numberReturned.
  const fieldsBytes = isMsg ? 5 : 20;
  const total = HEADER_BYTES + fieldsBytes + doc.length;
  const out = Buffer.allocUnsafe(total);
  out.writeInt32LE(total, 0);
  out.writeInt32LE(nextResponseId++ & 0x7fffffff, 4);
  out.writeInt32LE(command.requestId, 8);
  out.writeInt32LE(isMsg ? OP_MSG : OP_REPLY, 12);
  out.fill(0, HEADER_BYTES, HEADER_BYTES + fieldsBytes);
  if (!isMsg) out.writeInt32LE(1, HEADER_BYTES + 16);
  out.set(doc, HEADER_BYTES + fieldsBytes);
  return out;
}
