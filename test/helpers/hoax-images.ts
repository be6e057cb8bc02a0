import sharp from 'sharp';

/** A picture with structure, like a hoax's photo or flyer: shapes, a gradient and a headline. */
export async function hoaxPicture(seed: number, width = 800, height = 600): Promise<Buffer> {
  let state = seed;
  const random = () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state / 2 ** 32;
  };
  const shapes = Array.from({ length: 7 }, () => {
    const colour = `hsl(${Math.floor(random() * 360)},${40 + Math.floor(random() * 50)}%,${25 + Math.floor(random() * 50)}%)`;
    const x = Math.floor(random() * width);
    const y = Math.floor(random() * height);
    const r = 40 + Math.floor(random() * 160);
    return random() < 0.5
      ? `<circle cx="${x}" cy="${y}" r="${r}" fill="${colour}"/>`
      : `<rect x="${x - r}" y="${y - r / 2}" width="${2 * r}" height="${r}" fill="${colour}"/>`;
  }).join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
    <defs><linearGradient id="g" x1="0" y1="0" x2="${random() < 0.5 ? 1 : 0}" y2="1">
      <stop offset="0" stop-color="hsl(${Math.floor(random() * 360)},60%,70%)"/>
      <stop offset="1" stop-color="hsl(${Math.floor(random() * 360)},60%,30%)"/>
    </linearGradient></defs>
    <rect width="100%" height="100%" fill="url(#g)"/>${shapes}
    <text x="40" y="${height - 60}" font-size="56" font-family="sans-serif" font-weight="bold" fill="#fff">AWAS PENCULIK!</text>
  </svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 90 }).toBuffer();
}

/** A phone screenshot of a chat: header bar, a bubble holding the picture, text around it. */
export async function inChatFrame(picture: Buffer): Promise<Buffer> {
  const width = 720;
  const imageWidth = 600;
  const resized = await sharp(picture).resize({ width: imageWidth }).toBuffer();
  const { height: imageHeight = 0 } = await sharp(resized).metadata();
  const bubbleTop = 220;
  const height = bubbleTop + imageHeight + 260;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
    <rect width="100%" height="100%" fill="#ece5dd"/>
    <rect width="100%" height="110" fill="#075e54"/>
    <text x="30" y="70" font-size="36" font-family="sans-serif" fill="#fff">Grup RT 05</text>
    <rect x="40" y="130" width="420" height="60" rx="10" fill="#fff"/>
    <text x="60" y="170" font-size="26" font-family="sans-serif" fill="#333">Diteruskan berkali-kali</text>
    <rect x="50" y="${bubbleTop - 10}" width="${imageWidth + 20}" height="${imageHeight + 110}" rx="12" fill="#fff"/>
    <text x="66" y="${bubbleTop + imageHeight + 50}" font-size="28" font-family="sans-serif" fill="#111">Hati-hati bapak ibu!! SEBARKAN</text>
    <text x="${width - 130}" y="${bubbleTop + imageHeight + 85}" font-size="20" font-family="sans-serif" fill="#999">07.41</text>
  </svg>`;
  return sharp(Buffer.from(svg))
    .composite([{ input: resized, left: 60, top: bubbleTop }])
    .jpeg({ quality: 80 })
    .toBuffer();
}

/** The ways a picture comes back after travelling through chats and screenshots. */
export async function variantsOf(picture: Buffer): Promise<Record<string, Buffer>> {
  const { width = 0, height = 0 } = await sharp(picture).metadata();
  const crop = { left: Math.round(width * 0.05), top: Math.round(height * 0.05) };
  return {
    'jpeg q30': await sharp(picture).jpeg({ quality: 30 }).toBuffer(),
    'resized to 50 %': await sharp(picture)
      .resize({ width: Math.round(width / 2) })
      .toBuffer(),
    'cropped 5 %': await sharp(picture)
      .extract({ ...crop, width: width - 2 * crop.left, height: height - 2 * crop.top })
      .toBuffer(),
    'white border 40 px': await sharp(picture)
      .extend({ top: 40, bottom: 40, left: 40, right: 40, background: '#ffffff' })
      .toBuffer(),
    'black border 40 px': await sharp(picture)
      .extend({ top: 40, bottom: 40, left: 40, right: 40, background: '#000000' })
      .toBuffer(),
    'in a chat frame with text': await inChatFrame(picture),
  };
}
