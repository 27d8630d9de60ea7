/**
 * Derives a Whisper encoder that accepts any even number of mel frames up to 3,000, not only
 * 3,000. The exported encoder adds a fixed [1500, d_model] positional embedding
 * (`embed_positions.weight`) to the convolution output at node `/Add_2`, so any shorter input
 * fails there with a broadcast error. This edit slices the embedding to the input's length first:
 *
 *   conv output x [1, T, d] ──► Shape ──► Gather(1) ──► T ─┐
 *   embed_positions.weight [1500, d] ──────────► Slice(0, T, axis 0) ──► [T, d] ──► Add_2(x, ·)
 *
 * On 3,000 frames the result is bit-for-bit the original computation (the slice is the whole
 * table). Encoder self-attention has no other dependence on length, so a 3-second query can run the
 * encoder over 300 frames instead of 3,000 — Whisper's 30 s padding is what made it slow
 * (DESIGN.md). The attention-weight outputs, which the engine never reads, are dropped from the
 * graph's outputs. Opset 11 Slice/Gather/Shape semantics: onnx/docs/Operators.md.
 */
import protobuf from 'onnx-proto';

const { onnx } = protobuf;

export interface EncoderEditOptions {
  /** Name of the Add node that adds the positional embedding. */
  addNode: string;
  /** Initializer holding the [maxPositions, d_model] positional embedding. */
  embedding: string;
  /** Graph outputs to keep; the rest (attention weights) are removed. */
  keepOutputs: string[];
}

export const WHISPER_ENCODER_EDIT: EncoderEditOptions = {
  addNode: '/Add_2',
  embedding: 'embed_positions.weight',
  keepOutputs: ['last_hidden_state'],
};

function int64Tensor(name: string, values: number[]): InstanceType<typeof onnx.TensorProto> {
  return onnx.TensorProto.create({
    name,
    dims: [values.length],
    dataType: onnx.TensorProto.DataType.INT64,
    int64Data: values,
  });
}

export function deriveVariableLengthEncoder(modelBytes: Uint8Array, options: EncoderEditOptions = WHISPER_ENCODER_EDIT): Uint8Array {
  const model = onnx.ModelProto.decode(modelBytes);
  const graph = model.graph;
  if (!graph) throw new Error('encoder model has no graph');
  const graphNodes = (graph.node ??= []);
  const initializers = (graph.initializer ??= []);
  const addIndex = graphNodes.findIndex((n) => n.name === options.addNode);
  if (addIndex < 0) throw new Error(`encoder graph has no node '${options.addNode}'; is this a Whisper encoder export?`);
  const addInputs = (graphNodes[addIndex].input ??= []);
  const embeddingInput = addInputs.indexOf(options.embedding);
  if (embeddingInput < 0) throw new Error(`node '${options.addNode}' does not read '${options.embedding}' (inputs: ${addInputs.join(', ')})`);
  if (!initializers.some((t) => t.name === options.embedding)) throw new Error(`no initializer '${options.embedding}'`);
  const hidden = addInputs[1 - embeddingInput];

  const prefix = '/variable_length/';
  initializers.push(int64Tensor(`${prefix}axis1`, [1]), int64Tensor(`${prefix}zero`, [0]));
  const nodes = [
    onnx.NodeProto.create({ name: `${prefix}Shape`, opType: 'Shape', input: [hidden], output: [`${prefix}shape`] }),
    onnx.NodeProto.create({
      name: `${prefix}Gather`,
      opType: 'Gather',
      input: [`${prefix}shape`, `${prefix}axis1`],
      output: [`${prefix}length`],
      attribute: [onnx.AttributeProto.create({ name: 'axis', type: onnx.AttributeProto.AttributeType.INT, i: 0 })],
    }),
    onnx.NodeProto.create({
      name: `${prefix}Slice`,
      opType: 'Slice',
      input: [options.embedding, `${prefix}zero`, `${prefix}length`, `${prefix}zero`],
      output: [`${prefix}positions`],
    }),
  ];
  addInputs[embeddingInput] = `${prefix}positions`;
  // Nodes must stay topologically sorted: the new ones go right before the Add that uses them.
  graphNodes.splice(addIndex, 0, ...nodes);
  graph.output = (graph.output ?? []).filter((o) => options.keepOutputs.includes(o.name ?? ''));
  return onnx.ModelProto.encode(model).finish();
}
