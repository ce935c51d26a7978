// word_count 1.0.0: split on whitespace and drop the empty pieces.
export default function (input) {
  return input.text.split(/\s+/).filter((w) => w.length > 0).length;
}
