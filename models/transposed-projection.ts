/**
 * Derives a merged decoder whose output projection's 8-bit weight is stored already transposed, so
 * that making its float copy when the session is created is one plain dequantization instead of a
 * transpose and a dequantization per branch (issue #21).
 *
 * The exports we run (Moonshine from Useful Sensors, Whisper from Xenova/optimum) tie the output
 * projection to the token embedding and keep it 8-bit behind a Transpose and a DequantizeLinear
 * in each branch of the decoder's If node:
 *
 *   W_q [vocab, d] ─► Transpose ─► DequantizeLinear ─► MatMul(hidden, ·) ─► logits      (each branch)
 *   W_q ─► Gather(input_ids) ─► DequantizeLinear ─► token embeddings                     (each branch)
 *
 * The app has onnxruntime fold that DequantizeLinear into float when it creates the session
 * (mergedDecoderSessionOptions), because dequantizing it on every step cost more than the step
 * itself; but the fold transposed and dequantized 9–20 M values twice (once per branch), most of
 * the decoder's session creation in Chromium. This edit stores the weight transposed once,
 * [d, vocab], dequantizes it once in the outer graph, and rewrites both uses:
 *
 *   W_qᵀ ─► DequantizeLinear ─► (both branches) MatMul(hidden, ·) ─► logits
 *   W_qᵀ ─► Gather(input_ids, axis 1) ─► Transpose ─► DequantizeLinear ─► token embeddings
 *
 * The folded matrix is the same floats in the same layout, so the logits are bit for bit those of
 * the exported decoder folded (models/transposed-projection.test.ts) and a step costs the same
 * (`npm run -s bench:decoder-step`). The file stays the same size.
 *
 * Tried and not kept: DynamicQuantizeMatMul on the 8-bit weight (nothing to fold, the session
 * about 0.4 s sooner still), but a step on onnxruntime-web's WASM was 20–40% slower and every
 * query pays that.
 */
import protobuf from 'onnx-proto';

const { onnx } = protobuf;
type Graph = protobuf.onnx.IGraphProto;
type Node = protobuf.onnx.INodeProto;
type TensorProto = protobuf.onnx.ITensorProto;

export class ProjectionEditError extends Error {
  override name = 'ProjectionEditError';
}

/** The If node's branches (then/else), each a graph whose nodes read the outer initializers. */
function branches(graph: Graph): Graph[] {
  const ifNode = (graph.node ?? []).find((n) => n.opType === 'If');
  if (!ifNode) throw new ProjectionEditError('the decoder has no If node; is this a merged decoder?');
  return (ifNode.attribute ?? []).flatMap((a) => (a.g ? [a.g] : []));
}

function producer(graph: Graph, output: string): Node | undefined {
  return (graph.node ?? []).find((n) => (n.output ?? []).includes(output));
}

/** `tensor` [rows, cols] of bytes, transposed. */
function transposed(tensor: TensorProto): Uint8Array {
  const [rows, cols] = (tensor.dims ?? []).map(Number) as [number, number];
  const src = tensor.rawData;
  if (!src || src.length !== rows * cols) throw new ProjectionEditError(`${tensor.name}: expected ${rows}×${cols} raw 8-bit values`);
  const out = new Uint8Array(rows * cols);
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) out[c * rows + r] = src[r * cols + c]!;
  return out;
}

/**
 * The rank of the token ids a Gather reads: a graph input's declared rank, or a Reshape to a
 * shape concatenated from single values (optimum's `input_ids.view(-1, length)`).
 */
function idsRank(model: InstanceType<typeof onnx.ModelProto>, branch: Graph, ids: string): number {
  const input = (model.graph?.input ?? []).find((i) => i.name === ids);
  const dims = input?.type?.tensorType?.shape?.dim;
  if (dims) return dims.length;
  const reshape = producer(branch, ids);
  const concat = reshape?.opType === 'Reshape' ? producer(branch, reshape.input?.[1] ?? '') : undefined;
  if (concat?.opType === 'Concat') {
    const single = (name: string) => {
      const init = (model.graph?.initializer ?? []).find((t) => t.name === name);
      const elements = (t: TensorProto) => (t.dims ?? []).map(Number).reduce((a, b) => a * b, 1);
      if (init) return elements(init) === 1;
      const node = producer(branch, name);
      if (node?.opType === 'Constant') return (node.attribute ?? []).some((a) => a.name === 'value' && a.t && elements(a.t) === 1);
      return node?.opType === 'Unsqueeze';
    };
    if ((concat.input ?? []).every(single)) return concat.input!.length;
  }
  throw new ProjectionEditError(`cannot tell the rank of the token ids '${ids}' the embedding Gather reads`);
}

export function deriveTransposedProjectionDecoder(modelBytes: Uint8Array): Uint8Array {
  const model = onnx.ModelProto.decode(modelBytes);
  const graph = model.graph;
  if (!graph) throw new ProjectionEditError('the decoder has no graph');
  const initializers = (graph.initializer ??= []);
  let weightName: string | undefined;
  let transposedName = '';
  let dequantizedName = '';
  let dequantizedInputs: string[] = [];

  for (const branch of branches(graph)) {
    const nodes = branch.node ?? [];
    // MatMul(hidden, DequantizeLinear(Transpose(W_q), scale, zero point)) → logits.
    const matmul = nodes.find((n) => n.opType === 'MatMul' && (n.output ?? []).includes('logits'));
    const dequantize = matmul && producer(branch, matmul.input?.[1] ?? '');
    const transpose = dequantize?.opType === 'DequantizeLinear' ? producer(branch, dequantize.input?.[0] ?? '') : undefined;
    if (!matmul || !dequantize || transpose?.opType !== 'Transpose') {
      throw new ProjectionEditError('no MatMul → logits over a dequantized, transposed 8-bit weight in a decoder branch');
    }
    const weight = transpose.input![0]!;
    const tensor = initializers.find((t) => t.name === weight);
    if (!tensor || (tensor.dims ?? []).length !== 2) throw new ProjectionEditError(`the projection's weight '${weight}' is not a 2-D initializer`);
    if (weightName === undefined) {
      weightName = weight;
      transposedName = `${weight}_transposed`;
      initializers.push(onnx.TensorProto.create({ name: transposedName, dims: [...(tensor.dims ?? [])].reverse(), dataType: tensor.dataType, rawData: transposed(tensor) }));
    } else if (weightName !== weight) {
      throw new ProjectionEditError(`the branches project with different weights (${weightName}, ${weight})`);
    }
    const [scale, zeroPoint] = [dequantize.input![1]!, dequantize.input![2]!];
    if (!initializers.some((t) => t.name === scale) || !initializers.some((t) => t.name === zeroPoint)) {
      throw new ProjectionEditError(`the projection's scale and zero point (${scale}, ${zeroPoint}) are not initializers of the outer graph`);
    }
    if (dequantizedName && (dequantizedInputs[0] !== scale || dequantizedInputs[1] !== zeroPoint)) {
      throw new ProjectionEditError(`the branches dequantize the projection differently (${dequantizedInputs.join(', ')}; ${scale}, ${zeroPoint})`);
    }
    if (!dequantizedName) {
      dequantizedInputs = [scale, zeroPoint];
      // One dequantization in the outer graph, ahead of the If that reads it: onnxruntime folds it once.
      dequantizedName = `${transposedName}_dequantized`;
      (graph.node ??= []).unshift(
        onnx.NodeProto.create({ name: `${transposedName}/DequantizeLinear`, opType: 'DequantizeLinear', input: [transposedName, scale, zeroPoint], output: [dequantizedName] }),
      );
    }
    const projection = onnx.NodeProto.create({ name: matmul.name, opType: 'MatMul', input: [matmul.input![0]!, dequantizedName], output: matmul.output });
    const rewritten: Node[] = [];
    for (const node of nodes) {
      if (node === transpose || node === dequantize) continue;
      if (node === matmul) {
        rewritten.push(projection);
      } else if (node.opType === 'Gather' && node.input?.[0] === weight) {
        // W_q[ids] = (W_qᵀ gathered along axis 1) with the model dimension moved last.
        const ids = node.input[1]!;
        const rank = idsRank(model, branch, ids);
        const gathered = `${node.output![0]}_from_transposed`;
        rewritten.push(
          onnx.NodeProto.create({ name: `${node.name}_transposed`, opType: 'Gather', input: [transposedName, ids], output: [gathered], attribute: [onnx.AttributeProto.create({ name: 'axis', type: onnx.AttributeProto.AttributeType.INT, i: 1 })] }),
          onnx.NodeProto.create({
            name: `${node.name}_transpose_back`,
            opType: 'Transpose',
            input: [gathered],
            output: node.output,
            attribute: [onnx.AttributeProto.create({ name: 'perm', type: onnx.AttributeProto.AttributeType.INTS, ints: [...Array.from({ length: rank }, (_, i) => i + 1), 0] })],
          }),
        );
      } else {
        rewritten.push(node);
      }
    }
    branch.node = rewritten;
  }

  // The untransposed weight is read by nothing now.
  const stillRead = (g: Graph): boolean => (g.node ?? []).some((n) => (n.input ?? []).includes(weightName!) || (n.attribute ?? []).some((a) => a.g && stillRead(a.g)));
  if (!stillRead(graph)) graph.initializer = initializers.filter((t) => t.name !== weightName);
  return onnx.ModelProto.encode(model).finish();
}
