// word_count 1.1.0: count runs of non-space characters without building the array of words.
export default function (input) {
  const runs = input.text.match(/\S+/g);
  return runs === null ? 0 : runs.length;
}
