/**
 * The few facts pdfkit reads about a face when it embeds it (its PostScript name, italic angle,
 * fixed pitch), read from the font's bytes. fontkit decodes the whole 'name' table and the
 * whole 'post' table (every glyph's name) to answer them: ~40 ms of a cold start for values
 * a few bytes long. `embeddingFace` gives pdfkit the face with these answers; what it does not
 * answer here (glyph names) it no longer offers, and neither pdfkit nor offprint asks for them.
 */
import type * as fontkit from 'fontkit';
import { tableDirectory } from './sfnt.js';

interface PostHeader {
  /** 3: this table carries no glyph names. */
  version: number;
  italicAngle: number;
  underlinePosition: number;
  underlineThickness: number;
  isFixedPitch: number;
}

export interface FaceFacts {
  postscriptName: string | undefined;
  post: PostHeader | undefined;
}

export function readFaceFacts(buffer: Uint8Array): FaceFacts {
  const view = new DataView(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  const tables = tableDirectory(buffer);
  const post = tables.get('post')?.offset;
  return {
    postscriptName: postscriptName(view, tables.get('name')?.offset),
    post:
      post === undefined
        ? undefined
        : {
            version: 3,
            italicAngle: view.getInt32(post + 4) / 65536,
            underlinePosition: view.getInt16(post + 8),
            underlineThickness: view.getInt16(post + 10),
            isFixedPitch: view.getUint32(post + 12),
          },
  };
}

/** Name 6 in English: Windows (UTF-16BE, en-US) first, else Macintosh Roman (PostScript names are ASCII). */
function postscriptName(view: DataView, name: number | undefined): string | undefined {
  if (name === undefined) return undefined;
  const count = view.getUint16(name + 2);
  const strings = name + view.getUint16(name + 4);
  let mac: string | undefined;
  for (let i = 0; i < count; i++) {
    const record = name + 6 + i * 12;
    if (view.getUint16(record + 6) !== 6) continue;
    const platform = view.getUint16(record);
    const encoding = view.getUint16(record + 2);
    const language = view.getUint16(record + 4);
    const length = view.getUint16(record + 8);
    const at = strings + view.getUint16(record + 10);
    if (platform === 3 && encoding === 1 && language === 0x409) {
      let text = '';
      for (let k = 0; k < length; k += 2) text += String.fromCharCode(view.getUint16(at + k));
      return text;
    }
    if (platform === 1 && encoding === 0 && language === 0 && mac === undefined) {
      mac = '';
      for (let k = 0; k < length; k++) mac += String.fromCharCode(view.getUint8(at + k));
    }
  }
  return mac;
}

/**
 * The face as pdfkit is given it: everything is the face's (through the prototype), except the
 * answers in `facts`. fontkit defines its tables as fixed properties of the face, so they are
 * answered on an object of its own rather than changed on the face the typeset stage shares.
 */
export function embeddingFace(face: fontkit.Font, facts: FaceFacts): fontkit.Font {
  if (facts.postscriptName === undefined || facts.post === undefined) return face;
  return Object.create(face, {
    postscriptName: { value: facts.postscriptName },
    post: { value: facts.post },
    italicAngle: { value: facts.post.italicAngle },
  }) as fontkit.Font;
}
