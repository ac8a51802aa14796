// QR codes drawn in the browser, for addresses only the page knows: a routine lives in its
// page's address, so its printout's code cannot be drawn when the site is built.
//
// Byte mode, error correction level M and mask pattern 0, as the build's own codes
// (hooks/gentle_movements/qr.py, with segno); versions 1 to 40. Written from the QR code
// standard (ISO/IEC 18004); tests/browser/test_qr.py checks every module against segno's.
(function () {
  "use strict"

  // Level M, by version (index 0 unused): error correction codewords per block, and blocks.
  const ECC_PER_BLOCK = [0, 10, 16, 26, 18, 24, 16, 18, 22, 22, 26, 30, 22, 22, 24, 24, 28,
    28, 26, 26, 26, 26, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28,
    28, 28]
  const BLOCKS = [0, 1, 1, 1, 2, 2, 4, 4, 4, 5, 5, 5, 8, 9, 9, 10, 10, 11, 13, 14, 16, 17, 17,
    18, 20, 21, 23, 25, 26, 28, 29, 31, 33, 35, 37, 38, 40, 43, 45, 47, 49]
  const FORMAT_LEVEL_M = 0 // the two level bits of the format information
  const MASK = 0

  // Codewords ---------------------------------------------------------------------------

  function rawDataModules(version) {
    let modules = (16 * version + 128) * version + 64
    if (version >= 2) {
      const align = Math.floor(version / 7) + 2
      modules -= (25 * align - 10) * align - 55
      if (version >= 7) modules -= 36
    }
    return modules
  }

  function dataCodewords(version) {
    return Math.floor(rawDataModules(version) / 8) - ECC_PER_BLOCK[version] * BLOCKS[version]
  }

  function smallestVersion(byteCount) {
    for (let version = 1; version <= 40; version++) {
      const countBits = version <= 9 ? 8 : 16
      if (4 + countBits + 8 * byteCount <= 8 * dataCodewords(version)) return version
    }
    throw new RangeError("too long for a QR code")
  }

  function dataBytes(bytes, version) {
    const bits = []
    const put = function (value, length) {
      for (let i = length - 1; i >= 0; i--) bits.push((value >>> i) & 1)
    }
    put(0b0100, 4) // byte mode
    put(bytes.length, version <= 9 ? 8 : 16)
    for (const byte of bytes) put(byte, 8)
    const capacity = 8 * dataCodewords(version)
    put(0, Math.min(4, capacity - bits.length)) // terminator
    put(0, (8 - bits.length % 8) % 8)
    const result = []
    for (let i = 0; i < bits.length; i += 8) {
      result.push(bits.slice(i, i + 8).reduce(function (a, b) { return a << 1 | b }, 0))
    }
    for (let pad = 0xEC; result.length < capacity / 8; pad ^= 0xEC ^ 0x11) result.push(pad)
    return result
  }

  // Reed-Solomon over GF(256) with the polynomial x^8 + x^4 + x^3 + x^2 + 1.
  function multiply(x, y) {
    let product = 0
    for (let i = 7; i >= 0; i--) {
      product = (product << 1) ^ ((product >>> 7) * 0x11D)
      product ^= ((y >>> i) & 1) * x
    }
    return product
  }

  function generator(degree) {
    const result = new Array(degree).fill(0)
    result[degree - 1] = 1
    let root = 1
    for (let i = 0; i < degree; i++) {
      for (let j = 0; j < degree; j++) {
        result[j] = multiply(result[j], root)
        if (j + 1 < degree) result[j] ^= result[j + 1]
      }
      root = multiply(root, 0x02)
    }
    return result
  }

  function remainder(data, divisor) {
    const result = new Array(divisor.length).fill(0)
    for (const byte of data) {
      const factor = byte ^ result.shift()
      result.push(0)
      divisor.forEach(function (coefficient, i) { result[i] ^= multiply(coefficient, factor) })
    }
    return result
  }

  // Split into blocks, add each block's error correction, and interleave them.
  function codewords(data, version) {
    const count = BLOCKS[version]
    const ecc = ECC_PER_BLOCK[version]
    const raw = Math.floor(rawDataModules(version) / 8)
    const shortBlocks = count - raw % count
    const shortLength = Math.floor(raw / count)
    const divisor = generator(ecc)
    const blocks = []
    for (let i = 0, offset = 0; i < count; i++) {
      const length = shortLength - ecc + (i < shortBlocks ? 0 : 1)
      const block = data.slice(offset, offset + length)
      offset += length
      blocks.push({ data: block, ecc: remainder(block, divisor) })
    }
    const result = []
    for (let i = 0; i <= shortLength - ecc; i++) {
      for (const block of blocks) if (i < block.data.length) result.push(block.data[i])
    }
    for (let i = 0; i < ecc; i++) {
      for (const block of blocks) result.push(block.ecc[i])
    }
    return result
  }

  // The symbol ---------------------------------------------------------------------------

  function alignmentPositions(version) {
    if (version === 1) return []
    const count = Math.floor(version / 7) + 2
    const step = version === 32 ? 26 : Math.ceil((version * 4 + 4) / (count * 2 - 2)) * 2
    const positions = [6]
    for (let position = version * 4 + 10; positions.length < count; position -= step) {
      positions.splice(1, 0, position)
    }
    return positions
  }

  function symbol(version, words) {
    const size = version * 4 + 17
    const dark = Array.from({ length: size }, function () { return new Array(size).fill(false) })
    const fixed = Array.from({ length: size }, function () { return new Array(size).fill(false) })
    const set = function (x, y, on) { dark[y][x] = on; fixed[y][x] = true }

    for (let i = 0; i < size; i++) { // timing patterns
      set(6, i, i % 2 === 0)
      set(i, 6, i % 2 === 0)
    }
    for (const [cx, cy] of [[3, 3], [size - 4, 3], [3, size - 4]]) { // finders and separators
      for (let dy = -4; dy <= 4; dy++) {
        for (let dx = -4; dx <= 4; dx++) {
          const x = cx + dx
          const y = cy + dy
          const ring = Math.max(Math.abs(dx), Math.abs(dy))
          if (x >= 0 && x < size && y >= 0 && y < size) set(x, y, ring !== 2 && ring !== 4)
        }
      }
    }
    const positions = alignmentPositions(version)
    positions.forEach(function (cy, i) {
      positions.forEach(function (cx, j) {
        const corner = (i === 0 && j === 0) || (i === 0 && j === positions.length - 1)
          || (i === positions.length - 1 && j === 0)
        if (corner) return
        for (let dy = -2; dy <= 2; dy++) {
          for (let dx = -2; dx <= 2; dx++) {
            set(cx + dx, cy + dy, Math.max(Math.abs(dx), Math.abs(dy)) !== 1)
          }
        }
      })
    })
    formatBits(set, size, false) // reserve the format areas before the data goes in
    if (version >= 7) versionBits(set, size, version)

    let bit = 0
    for (let right = size - 1; right >= 1; right -= 2) { // data, in two-column zigzags
      if (right === 6) right = 5
      for (let step = 0; step < size; step++) {
        for (let column = 0; column < 2; column++) {
          const x = right - column
          const upward = ((right + 1) & 2) === 0
          const y = upward ? size - 1 - step : step
          if (fixed[y][x]) continue
          const on = bit < words.length * 8 && ((words[bit >>> 3] >>> (7 - (bit & 7))) & 1) === 1
          bit++
          dark[y][x] = on !== ((x + y) % 2 === 0) // mask pattern 0
        }
      }
    }
    formatBits(set, size, true)
    return dark
  }

  function formatBits(set, size, draw) {
    const data = FORMAT_LEVEL_M << 3 | MASK
    let rem = data
    for (let i = 0; i < 10; i++) rem = (rem << 1) ^ ((rem >>> 9) * 0x537)
    const bits = (data << 10 | rem) ^ 0x5412
    const on = function (i) { return draw && ((bits >>> i) & 1) === 1 }
    for (let i = 0; i <= 5; i++) set(8, i, on(i))
    set(8, 7, on(6))
    set(8, 8, on(7))
    set(7, 8, on(8))
    for (let i = 9; i < 15; i++) set(14 - i, 8, on(i))
    for (let i = 0; i < 8; i++) set(size - 1 - i, 8, on(i))
    for (let i = 8; i < 15; i++) set(8, size - 15 + i, on(i))
    set(8, size - 8, true) // the dark module
  }

  function versionBits(set, size, version) {
    let rem = version
    for (let i = 0; i < 12; i++) rem = (rem << 1) ^ ((rem >>> 11) * 0x1F25)
    const bits = version << 12 | rem
    for (let i = 0; i < 18; i++) {
      const on = ((bits >>> i) & 1) === 1
      const a = size - 11 + i % 3
      const b = Math.floor(i / 3)
      set(a, b, on)
      set(b, a, on)
    }
  }

  // Public -------------------------------------------------------------------------------

  // The modules of the code for `text`: rows of booleans, true for dark.
  function modules(text) {
    const bytes = Array.from(new TextEncoder().encode(text))
    const version = smallestVersion(bytes.length)
    return symbol(version, codewords(dataBytes(bytes, version), version))
  }

  // An accessible SVG of the code, two modules of quiet zone around it, as the build draws.
  function svg(text, title) {
    const rows = modules(text)
    const border = 2
    const size = rows.length + 2 * border
    const NS = "http://www.w3.org/2000/svg"
    const drawing = document.createElementNS(NS, "svg")
    drawing.setAttribute("viewBox", "0 0 " + size + " " + size)
    drawing.setAttribute("class", "gm-qr")
    drawing.setAttribute("role", "img")
    const name = document.createElementNS(NS, "title")
    name.textContent = title
    const light = document.createElementNS(NS, "path")
    light.setAttribute("fill", "#fff")
    light.setAttribute("d", "M0 0h" + size + "v" + size + "h-" + size + "z")
    let runs = ""
    rows.forEach(function (row, y) {
      for (let x = 0; x < row.length; x++) {
        if (!row[x]) continue
        let end = x
        while (end < row.length && row[end]) end++
        runs += "M" + (x + border) + " " + (y + border + 0.5) + "h" + (end - x)
        x = end
      }
    })
    const darkPath = document.createElementNS(NS, "path")
    darkPath.setAttribute("stroke", "#000")
    darkPath.setAttribute("d", runs)
    drawing.append(name, light, darkPath)
    return drawing
  }

  window.GentleMovementsQr = { modules: modules, svg: svg }
})()
