// Reads the pixel size of the image formats Telegram turns into photos (JPEG, PNG, GIF, WebP)
// from their headers. Anything else is not an image the sandbox can vouch for: sendPhoto answers
// IMAGE_PROCESS_FAILED, as Telegram does for bytes it cannot decode.

export interface ImageInfo {
  width: number;
  height: number;
  mime: string;
}

export function imageSize(buf: Buffer): ImageInfo | null {
  if (buf.length >= 24 && buf.readUInt32BE(0) === 0x89504e47) {
    return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20), mime: "image/png" };
  }
  if (buf.length >= 10 && buf.toString("latin1", 0, 4) === "GIF8") {
    return { width: buf.readUInt16LE(6), height: buf.readUInt16LE(8), mime: "image/gif" };
  }
  if (buf.length >= 4 && buf[0] === 0xff && buf[1] === 0xd8) return jpegSize(buf);
  if (buf.length >= 30 && buf.toString("latin1", 0, 4) === "RIFF" && buf.toString("latin1", 8, 12) === "WEBP")
    return webpSize(buf);
  return null;
}

function jpegSize(buf: Buffer): ImageInfo | null {
  let pos = 2;
  while (pos + 9 < buf.length) {
    if (buf[pos] !== 0xff) return null;
    const marker = buf[pos + 1] ?? 0;
    const length = buf.readUInt16BE(pos + 2);
    // SOF0..SOF15 carry the frame size, except DHT (C4), JPG (C8) and DAC (CC).
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { height: buf.readUInt16BE(pos + 5), width: buf.readUInt16BE(pos + 7), mime: "image/jpeg" };
    }
    pos += 2 + length;
  }
  return null;
}

/** The three WebP flavours keep the size in different places (RFC 9649). */
function webpSize(buf: Buffer): ImageInfo | null {
  const chunk = buf.toString("latin1", 12, 16);
  const mime = "image/webp";
  if (chunk === "VP8X") {
    return { width: 1 + buf.readUIntLE(24, 3), height: 1 + buf.readUIntLE(27, 3), mime };
  }
  if (chunk === "VP8 " && buf[23] === 0x9d && buf[24] === 0x01 && buf[25] === 0x2a) {
    return { width: buf.readUInt16LE(26) & 0x3fff, height: buf.readUInt16LE(28) & 0x3fff, mime };
  }
  if (chunk === "VP8L" && buf[20] === 0x2f) {
    const bits = buf.readUInt32LE(21);
    return { width: 1 + (bits & 0x3fff), height: 1 + ((bits >>> 14) & 0x3fff), mime };
  }
  return null;
}
