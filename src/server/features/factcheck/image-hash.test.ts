import { describe, expect, it } from 'vitest';
import { hoaxPicture, inChatFrame, variantsOf } from '../../../../test/helpers/hoax-images.js';
import { imageDistance, MATCH_DISTANCE, perceptualHashes } from './image-hash.js';

describe('perceptual image hashes', () => {
  it('match the variants of a picture and keep unrelated pictures apart', async () => {
    const pictures = await Promise.all([1, 2, 3, 4, 5].map((seed) => hoaxPicture(seed)));
    const stored = await Promise.all(pictures.map((picture) => perceptualHashes(picture)));
    const distances: Record<string, number> = {};
    for (const [name, bytes] of Object.entries(await variantsOf(pictures[0]!))) {
      distances[name] = imageDistance(await perceptualHashes(bytes), stored[0]!);
    }
    for (const [name, distance] of Object.entries(distances)) {
      expect(distance, `${name}: ${JSON.stringify(distances)}`).toBeLessThanOrEqual(MATCH_DISTANCE);
    }
    for (let i = 0; i < stored.length; i++) {
      for (let j = i + 1; j < stored.length; j++) {
        expect(imageDistance(stored[i]!, stored[j]!), `${i} vs ${j}`).toBeGreaterThan(
          MATCH_DISTANCE,
        );
      }
    }
    const unrelatedInFrame = await perceptualHashes(await inChatFrame(pictures[1]!));
    expect(imageDistance(unrelatedInFrame, stored[0]!)).toBeGreaterThan(MATCH_DISTANCE);
  });

  it('refuses bytes that are not an image', async () => {
    await expect(perceptualHashes(Buffer.from('not an image'))).rejects.toThrow();
  });
});
