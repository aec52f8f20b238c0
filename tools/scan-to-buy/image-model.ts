// A general-purpose image embedding from the ImageNet-trained MobileNetV2 (width 1.4) that ships inside
// the `nsfwjs` npm package. Only its convolutional trunk is used — the NSFW head is irrelevant here.
// Runs on TensorFlow.js' WebAssembly backend (CPU, no native download); weights load from the package's
// JS bundles through a custom IO handler, so nothing is fetched at run time.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-wasm';
import { loadGraphModel, type GraphModel } from '@tensorflow/tfjs-converter';

const require = createRequire(import.meta.url);
// The package's exports hide the model files; resolve its folder from its entry point (dist/cjs/index.js).
const MODEL_DIR = join(dirname(require.resolve('nsfwjs')), '..', 'models', 'mobilenet_v2_mid');
/** The last convolution (7×7×1792): generic enough to tell products apart, past the ImageNet classifier. */
const FEATURE_NODE = 'StatefulPartitionedCall/sequential/keras_layer/StatefulPartitionedCall/StatefulPartitionedCall/StatefulPartitionedCall/predict/MobilenetV2/Conv_1/Relu6';
export const INPUT_SIZE = 224;
export const CNN_DIMENSIONS = 1792;
/** Generalised-mean pooling exponent: between average (1) and max (∞); p = 3 measured best here. */
const GEM_P = 3;

type ModelJson = { modelTopology: object; format: string; generatedBy: string; convertedBy: string; weightsManifest: { paths: string[]; weights: tf.io.WeightsManifestEntry[] }[] };

function packagedModel(): tf.io.IOHandler {
  return {
    load: async () => {
      const json = require(`${MODEL_DIR}/model.min.js`) as ModelJson;
      const weightSpecs: tf.io.WeightsManifestEntry[] = [];
      const parts: Buffer[] = [];
      for (const group of json.weightsManifest) {
        for (const path of group.paths) parts.push(Buffer.from(require(`${MODEL_DIR}/${path}.min.js`) as string, 'base64'));
        weightSpecs.push(...group.weights);
      }
      const all = Buffer.concat(parts);
      const weightData = all.buffer.slice(all.byteOffset, all.byteOffset + all.byteLength) as ArrayBuffer;
      return { modelTopology: json.modelTopology, format: json.format, generatedBy: json.generatedBy, convertedBy: json.convertedBy, weightSpecs, weightData };
    },
  };
}

let loading: Promise<GraphModel> | undefined;

/** Loads once per process (~1 s); later calls share it. */
export function loadImageModel(): Promise<GraphModel> {
  loading ??= (async () => {
    await tf.setBackend('wasm');
    await tf.ready();
    return loadGraphModel(packagedModel());
  })();
  return loading;
}

/** RGB pixels (224×224×3, 0..255) per view → one L2-normalised 1792-d vector each. The views go
 *  through the network as one batch (~10% faster than one by one on the WASM backend). */
export async function cnnEmbeddings(views: Uint8Array[]): Promise<Float32Array[]> {
  const model = await loadImageModel();
  const size = INPUT_SIZE * INPUT_SIZE * 3;
  const pixels = new Float32Array(size * views.length);
  views.forEach((rgb, v) => { for (let i = 0; i < size; i++) pixels[v * size + i] = rgb[i] / 255; });
  const vectors = tf.tidy(() => {
    const input = tf.tensor4d(pixels, [views.length, INPUT_SIZE, INPUT_SIZE, 3]);
    const map = model.execute({ input }, FEATURE_NODE) as tf.Tensor4D;
    const pooled = tf.pow(tf.mean(tf.pow(tf.clipByValue(map, 1e-6, 6), GEM_P), [1, 2]), 1 / GEM_P);
    return tf.div(pooled, tf.norm(pooled, 'euclidean', 1, true));
  });
  const data = (await vectors.data()) as Float32Array;
  vectors.dispose();
  return views.map((_, v) => data.slice(v * CNN_DIMENSIONS, (v + 1) * CNN_DIMENSIONS));
}
