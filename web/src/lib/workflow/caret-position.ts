/** Styles that decide where text falls in a text area, copied to the mirror that measures it. */
const copied = [
  'boxSizing',
  'width',
  'paddingTop',
  'paddingRight',
  'paddingBottom',
  'paddingLeft',
  'borderTopWidth',
  'borderRightWidth',
  'borderBottomWidth',
  'borderLeftWidth',
  'fontFamily',
  'fontSize',
  'fontWeight',
  'fontStyle',
  'letterSpacing',
  'lineHeight',
  'textTransform',
  'wordSpacing',
  'tabSize',
] as const;

/**
 * Where character `index` of a text area sits, in pixels from its top-left corner, scroll taken into account:
 * a hidden copy of the text area holds the text up to `index` and a marker, and the marker's place is read.
 * Null when the place is scrolled out of view.
 */
export function caretPosition(
  area: HTMLTextAreaElement,
  index: number,
): { top: number; left: number } | null {
  const style = getComputedStyle(area);
  const mirror = document.createElement('div');
  for (const property of copied) mirror.style[property] = style[property];
  mirror.style.position = 'absolute';
  mirror.style.visibility = 'hidden';
  mirror.style.whiteSpace = 'pre-wrap';
  mirror.style.overflowWrap = 'break-word';
  mirror.style.top = '0';
  mirror.style.left = '-9999px';
  mirror.textContent = area.value.slice(0, index);
  const marker = document.createElement('span');
  marker.textContent = '\u200b';
  mirror.append(marker);
  document.body.append(mirror);
  const top = marker.offsetTop - area.scrollTop;
  const left = marker.offsetLeft - area.scrollLeft;
  mirror.remove();
  if (top < 0 || top > area.clientHeight) return null;
  return { top, left };
}
