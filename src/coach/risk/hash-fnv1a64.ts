// FNV-1a, 64-bit, over the UTF-8 bytes of a string, as 16 lowercase hex digits.
// Pure and portable (no node:crypto): fingerprints must be equal wherever they are computed.

const encoder = new TextEncoder();

export function hashFnv1a64(text: string): string {
  // The 64-bit state as two unsigned 32-bit halves; offset basis 0xcbf29ce484222325.
  let hi = 0xcbf29ce4;
  let lo = 0x84222325;
  for (const byte of encoder.encode(text)) {
    lo = (lo ^ byte) >>> 0;
    // Multiply by the FNV prime 2^40 + 0x1b3, modulo 2^64.
    const loProduct = lo * 0x1b3; // < 2^41: exact in a double
    const carry = Math.floor(loProduct / 0x100000000);
    hi = (Math.imul(hi, 0x1b3) + (lo << 8) + carry) >>> 0;
    lo = loProduct >>> 0;
  }
  return hi.toString(16).padStart(8, "0") + lo.toString(16).padStart(8, "0");
}
