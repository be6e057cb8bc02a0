// "Bagikan → Siaga" (Web Share Target): the service worker receives the POST the share sheet
// makes, keeps the text and the picture in a cache of their own, and opens the check page, which
// picks them up once. Nothing leaves the phone until the citizen presses "Cek".

/** The share target's action in the web manifest. */
export const SHARE_TARGET_PATH = '/cek/bagikan';
const SHARE_CACHE = 'siaga-share';
const TEXT_KEY = '/__shared/text';
const IMAGE_KEY = '/__shared/image';

/** In the service worker: keeps what was shared, then sends the phone to the check page. */
export async function receiveSharedItem(request: Request, origin: string): Promise<Response> {
  const form = await request.formData();
  const text = ['title', 'text', 'url']
    .map((name) => form.get(name))
    .filter((value): value is string => typeof value === 'string' && value.trim() !== '')
    .join('\n');
  // An empty part (a share with no picture, from a form whose file field was left empty) is no picture.
  const image = form
    .getAll('image')
    .find((value): value is File => typeof value !== 'string' && value.size > 0);
  const cache = await caches.open(SHARE_CACHE);
  await cache.put(TEXT_KEY, new Response(text));
  if (image) {
    await cache.put(IMAGE_KEY, new Response(image, { headers: { 'content-type': image.type } }));
  } else {
    await cache.delete(IMAGE_KEY);
  }
  return Response.redirect(`${origin}/cek?shared`, 303);
}

/** On the check page: what the share sheet handed over, once. */
export async function readSharedItem(): Promise<{ text: string; image?: File } | null> {
  if (typeof caches === 'undefined') return null;
  const cache = await caches.open(SHARE_CACHE);
  const textResponse = await cache.match(TEXT_KEY);
  if (!textResponse) return null;
  const text = await textResponse.text();
  const imageResponse = await cache.match(IMAGE_KEY);
  const blob = imageResponse ? await imageResponse.blob() : undefined;
  await caches.delete(SHARE_CACHE);
  return {
    text,
    ...(blob ? { image: new File([blob], 'bagikan', { type: blob.type }) } : {}),
  };
}
