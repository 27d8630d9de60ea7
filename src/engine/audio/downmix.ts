/**
 * Mixes channels down to one by averaging them. Averaging rather than summing keeps the mix
 * within [-1, 1] however many channels there are. Mono input is returned as is, not copied.
 */
export function downmix(channels: Float32Array[]): Float32Array {
  if (channels.length === 0) throw new RangeError('downmix: no channels to mix');
  if (channels.length === 1) return channels[0];

  const length = channels[0].length;
  if (channels.some((channel) => channel.length !== length)) {
    const lengths = channels.map((channel) => channel.length).join(', ');
    throw new RangeError(`downmix: channels differ in length (${lengths})`);
  }
  const mono = new Float32Array(length);
  const weight = 1 / channels.length;
  for (const channel of channels) {
    for (let i = 0; i < length; i++) mono[i] += channel[i] * weight;
  }
  return mono;
}
