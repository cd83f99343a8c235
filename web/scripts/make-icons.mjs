// Writes the PWA icons (public/icons/icon-192.png, icon-512.png) with no image library:
// a blue square with a white house, encoded as an RGBA PNG by hand (zlib from node).
// Run once when the design changes: node scripts/make-icons.mjs
import { writeFileSync } from 'node:fs'
import { deflateSync } from 'node:zlib'

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})
const crc32 = (buf) => {
  let c = 0xffffffff
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}
const chunk = (type, data) => {
  const len = Buffer.alloc(4)
  len.writeUInt32BE(data.length)
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(body))
  return Buffer.concat([len, body, crc])
}

// The house in a 64-unit design space (same shape as favicon.svg), scaled to `size`.
const isHouse = (x, y) => {
  const inRoof = y >= 12 && y <= 30 && Math.abs(x - 32) <= ((y - 12) / 18) * 22
  const inWalls = y > 30 && y <= 50 && x >= 16 && x <= 48
  const inDoor = y > 38 && y <= 50 && x >= 28 && x <= 36
  return (inRoof || inWalls) && !inDoor
}

function png(size) {
  const rows = []
  for (let py = 0; py < size; py++) {
    const row = Buffer.alloc(1 + size * 4) // filter byte 0 + RGBA
    for (let px = 0; px < size; px++) {
      const white = isHouse((px / size) * 64, (py / size) * 64)
      row.set(white ? [255, 255, 255, 255] : [0x1d, 0x4e, 0x89, 255], 1 + px * 4)
    }
    rows.push(row)
  }
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(size, 0)
  ihdr.writeUInt32BE(size, 4)
  ihdr.set([8, 6, 0, 0, 0], 8) // 8-bit, RGBA, deflate, no filter, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.concat(rows), { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

for (const size of [192, 512]) {
  writeFileSync(new URL(`../public/icons/icon-${size}.png`, import.meta.url), png(size))
}
