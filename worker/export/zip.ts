import { Zip, ZipDeflate } from 'fflate';

/** One file of a ZIP: its whole text, or its text piece by piece (each piece read only when wanted). */
export interface ZipEntry {
  name: string;
  content: string | AsyncIterable<string> | Iterable<string>;
}

/**
 * A ZIP archive as a pulled byte stream, compressed by fflate's streaming `Zip`: the next piece of a
 * file is asked for only when the reader has taken what came out of the last one, so memory stays
 * flat however large a file grows.
 */
export function zipStream(files: readonly ZipEntry[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const ready: Uint8Array[] = [];
  let failure: Error | null = null;
  const zip = new Zip((err, chunk) => {
    if (err) failure = err;
    else ready.push(chunk);
  });

  async function* write(): AsyncGenerator<void> {
    for (const file of files) {
      const entry = new ZipDeflate(file.name, { level: 6 });
      zip.add(entry);
      if (typeof file.content === 'string') {
        entry.push(encoder.encode(file.content), true);
        continue;
      }
      for await (const piece of file.content) {
        entry.push(encoder.encode(piece));
        yield;
      }
      entry.push(new Uint8Array(0), true);
    }
    zip.end();
  }

  const steps = write();
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        // Deflate may hold a small piece back: go on until something comes out, or a pull would hang.
        let step: IteratorResult<void>;
        do step = await steps.next();
        while (!step.done && ready.length === 0 && !failure);
        if (failure) throw failure;
        for (const chunk of ready.splice(0)) controller.enqueue(chunk);
        if (step.done) controller.close();
      },
      async cancel() {
        await steps.return(undefined);
      },
    },
    { highWaterMark: 1 },
  );
}
