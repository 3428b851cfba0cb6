/** Recognition used by LocalizedPrompt: yes/no words and numerals in every shipped locale. */
export { recognizeChoice, recognizeYesNo } from '../../bot/language/recognizers.js';
