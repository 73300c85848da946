/** Compares two canonical decimal strings exactly, digit by digit: -1, 0 or 1. */
export function compareDecimals(a: string, b: string): number {
  const negativeA = a.startsWith('-');
  const negativeB = b.startsWith('-');
  if (negativeA !== negativeB) return negativeA ? -1 : 1;
  const magnitude = compareMagnitudes(negativeA ? a.slice(1) : a, negativeB ? b.slice(1) : b);
  return negativeA ? -magnitude : magnitude;
}

function compareMagnitudes(a: string, b: string): number {
  // Read in place, with no arrays or padded copies: an audience compares every customer's value.
  const pointA = a.indexOf('.');
  const pointB = b.indexOf('.');
  const wholeA = pointA < 0 ? a.length : pointA;
  const wholeB = pointB < 0 ? b.length : pointB;
  if (wholeA !== wholeB) return wholeA < wholeB ? -1 : 1;
  for (let i = 0; i < wholeA; i++) {
    const order = a.charCodeAt(i) - b.charCodeAt(i);
    if (order !== 0) return order < 0 ? -1 : 1;
  }
  // The fractions, the shorter padded with zeros (up to a second point, as a split would read them).
  const endA = pointA < 0 ? wholeA : nextPoint(a, pointA + 1);
  const endB = pointB < 0 ? wholeB : nextPoint(b, pointB + 1);
  const lengthA = pointA < 0 ? 0 : endA - pointA - 1;
  const lengthB = pointB < 0 ? 0 : endB - pointB - 1;
  for (let i = 0; i < Math.max(lengthA, lengthB); i++) {
    const digitA = i < lengthA ? a.charCodeAt(pointA + 1 + i) : 48;
    const digitB = i < lengthB ? b.charCodeAt(pointB + 1 + i) : 48;
    if (digitA !== digitB) return digitA < digitB ? -1 : 1;
  }
  return 0;
}

function nextPoint(text: string, from: number): number {
  const point = text.indexOf('.', from);
  return point < 0 ? text.length : point;
}
