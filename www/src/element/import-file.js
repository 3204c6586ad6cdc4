// Reading a tender file the user picked or dropped: size, JSON syntax, then the engine's
// validation of the text as it is (a key given twice is an error only the text shows).
import { engineErrors, engineText } from '../text/messages.js';
import { fileText } from '../storage/io.js';
import { placeNamer } from './header-and-errors.js';

/**
 * Resolves to { data } for a valid tender file, or to { problems }: the lines to show, each an
 * engine error with its path, or why the file could not be read.
 */
export async function readTenderFile(file, engine, cat) {
  const { ui } = cat;
  const read = await fileText(file, ui);
  const { text } = read;
  let problems = read.problem && [read.problem];
  let data;
  try {
    data = problems ? null : JSON.parse(text);
  } catch {
    problems = [ui.importNotJson];
  }
  if (!problems) {
    let errors;
    try {
      // The text, not the parsed object: a key given twice is an error only the text shows.
      errors = engine.validate(text).errors;
    } catch (error) {
      errors = engineErrors(error);
    }
    if (errors.length) {
      const placeOf = placeNamer(data, ui);
      problems = errors.map((e) => {
        const where = placeOf(e.path);
        return `${where ? `${where}: ` : ''}${engineText(cat, 'errors', e)}`;
      });
    }
  }
  return problems ? { problems } : { data };
}

