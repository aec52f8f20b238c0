// fetch for model endpoints with a ceiling on the response body: a misbehaving endpoint that sends
// megabytes (or never stops streaming) is cut off instead of filling memory and the store.
export const MAX_MODEL_RESPONSE_BYTES = 2 * 1024 * 1024;

export function cappedFetch(maxBytes = MAX_MODEL_RESPONSE_BYTES): typeof fetch {
  return async (input, init) => {
    const response = await fetch(input, init);
    if (!response.body) return response;
    let seen = 0;
    const limit = new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        seen += chunk.byteLength;
        if (seen > maxBytes) controller.error(new Error(`model response over ${maxBytes} bytes: cut off`));
        else controller.enqueue(chunk);
      },
    });
    return new Response(response.body.pipeThrough(limit), { status: response.status, statusText: response.statusText, headers: response.headers });
  };
}
