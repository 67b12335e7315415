// A small Markdown renderer that only ever creates DOM nodes and text: no innerHTML anywhere, so a
// member's `<script>` or `<img onerror>` is shown as text, never run. Covers what the bot writes:
// **bold**, _italic_, `code`, [label](url), ~channel, @member, > quotes, - lists, bare links.

const ESCAPABLE = /[\\`*_{}[\]()#+\-.!|~<>@"']/;
const SAFE_URL = /^(https?:\/\/|\/|#)/i;

/**
 * @param {string} text Markdown source
 * @param {{ channelByName(name: string): {id: string, name: string} | undefined,
 *           member(id: string): {id: string, displayName: string} | undefined }} ctx
 * @returns {DocumentFragment}
 */
export function renderMarkdown(text, ctx) {
  const frag = document.createDocumentFragment();
  const lines = String(text).replace(/\r\n?/g, '\n').split('\n');
  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    if (/^\s*>/.test(line)) {
      const quoted = [];
      while (i < lines.length && /^\s*>/.test(lines[i])) quoted.push(lines[i++].replace(/^\s*> ?/, ''));
      const bq = document.createElement('blockquote');
      bq.append(renderMarkdown(quoted.join('\n'), ctx));
      frag.append(bq);
    } else if (/^\s*[-•*] \S/.test(line)) {
      const ul = document.createElement('ul');
      while (i < lines.length && /^\s*[-•*] \S/.test(lines[i])) {
        const li = document.createElement('li');
        li.append(...inline(lines[i++].replace(/^\s*[-•*] /, ''), ctx));
        ul.append(li);
      }
      frag.append(ul);
    } else if (line.trim() === '') {
      i++;
    } else {
      const p = document.createElement('p');
      const para = [];
      while (i < lines.length && lines[i].trim() !== '' && !/^\s*>/.test(lines[i]) && !/^\s*[-•*] \S/.test(lines[i])) para.push(lines[i++]);
      para.forEach((l, n) => {
        if (n > 0) p.append(document.createElement('br'));
        p.append(...inline(l, ctx));
      });
      frag.append(p);
    }
  }
  return frag;
}

function isWordChar(ch) {
  return ch !== undefined && /[\p{L}\p{N}]/u.test(ch);
}

/** Finds the closing delimiter for emphasis, skipping backslash escapes. */
function findClose(src, from, delim) {
  for (let j = from; j < src.length; j++) {
    if (src[j] === '\\') {
      j++;
      continue;
    }
    if (src.startsWith(delim, j) && src[j - 1] !== ' ' && !(delim.length === 1 && isWordChar(src[j + 1]))) return j;
  }
  return -1;
}

function inline(src, ctx) {
  const out = [];
  let buf = '';
  const flush = () => {
    if (buf) out.push(document.createTextNode(buf));
    buf = '';
  };
  let i = 0;
  while (i < src.length) {
    const ch = src[i];
    const rest = src.slice(i);
    if (ch === '\\' && ESCAPABLE.test(src[i + 1] ?? '')) {
      buf += src[i + 1];
      i += 2;
      continue;
    }
    if (ch === '`') {
      const end = src.indexOf('`', i + 1);
      if (end > i) {
        flush();
        const code = document.createElement('code');
        code.textContent = src.slice(i + 1, end);
        out.push(code);
        i = end + 1;
        continue;
      }
    }
    if (rest.startsWith('**') && src[i + 2] !== ' ') {
      const end = findClose(src, i + 2, '**');
      if (end > i + 2) {
        flush();
        const b = document.createElement('strong');
        b.append(...inline(src.slice(i + 2, end), ctx));
        out.push(b);
        i = end + 2;
        continue;
      }
    }
    if ((ch === '_' || ch === '*') && !isWordChar(src[i - 1]) && src[i + 1] && src[i + 1] !== ' ') {
      const end = findClose(src, i + 1, ch);
      if (end > i + 1) {
        flush();
        const em = document.createElement('em');
        em.append(...inline(src.slice(i + 1, end), ctx));
        out.push(em);
        i = end + 1;
        continue;
      }
    }
    const link = ch === '[' ? /^\[((?:\\.|[^\]\\])+)\]\(([^)\s]+)\)/.exec(rest) : null;
    if (link) {
      flush();
      out.push(SAFE_URL.test(link[2]) ? anchor(link[2], inline(link[1], ctx)) : document.createTextNode(link[1]));
      i += link[0].length;
      continue;
    }
    const bare = ch === 'h' && !isWordChar(src[i - 1]) ? /^https?:\/\/[^\s<>()]+[^\s<>().,;:!?'"]/.exec(rest) : null;
    if (bare) {
      flush();
      out.push(anchor(bare[0], [document.createTextNode(bare[0])]));
      i += bare[0].length;
      continue;
    }
    const chan = ch === '~' && !isWordChar(src[i - 1]) ? /^~([a-z0-9][a-z0-9_-]*)/i.exec(rest) : null;
    const channel = chan && ctx.channelByName(chan[1]);
    if (channel) {
      flush();
      const a = document.createElement('a');
      a.href = `#c=${encodeURIComponent(channel.id)}`;
      a.className = 'channel-ref';
      a.textContent = `#${channel.name}`;
      out.push(a);
      i += chan[0].length;
      continue;
    }
    const at = ch === '@' && !isWordChar(src[i - 1]) ? /^@([a-z0-9][a-z0-9._-]*)/i.exec(rest) : null;
    if (at) {
      flush();
      const member = ctx.member(at[1]);
      const span = document.createElement('span');
      span.className = 'mention';
      span.textContent = member ? `@${member.displayName}` : at[0];
      if (member) span.title = `@${member.id}`;
      out.push(span);
      i += at[0].length;
      continue;
    }
    buf += ch;
    i++;
  }
  flush();
  return out;
}

function anchor(href, children) {
  const a = document.createElement('a');
  // Permalinks to this playground open in place rather than in a new tab.
  const local = href.startsWith(`${location.origin}/#`) ? href.slice(location.origin.length + 1) : href;
  a.href = local;
  if (!local.startsWith('#')) {
    a.target = '_blank';
    a.rel = 'noopener noreferrer';
  }
  a.append(...children);
  return a;
}
