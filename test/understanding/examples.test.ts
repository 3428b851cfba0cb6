/**
 * Topics read from labelled example questions: a question worded unlike any cue word still finds
 * its topic through the examples it resembles, in inflected, misspelt or other-script forms.
 */
import { describe, expect, it } from 'vitest';
import { getKnowledgeBase } from '../../bot/knowledge/knowledgeBase.js';
import { articleExamples, ExampleIndex, getExampleIndex, loadExamples, offTopicExamples } from '../../bot/understanding/examples.js';

const examples = [
  { q: 'voinko varata ajan omalle valmentajalle', expected: 'booking' },
  { q: 'haluan tavata valmentajan ensi viikolla', expected: 'booking' },
  { q: 'mitä valmentaja oikein tekee', expected: 'coach' },
  { q: 'mikä on OMA-valmentajan tehtävä', expected: 'coach' },
  { q: 'miten haen työmarkkinatukea kelasta', expected: 'benefits' },
  { q: 'paljonko kela maksaa työttömälle', expected: 'benefits' },
  { q: 'أريد موعد مع المدرب', expected: 'booking' },
  { q: 'ما هو عمل المدرب الشخصي', expected: 'coach' },
];

const top = (index: ExampleIndex, q: string) => [...index.vote(q).votes].sort((a, b) => b[1] - a[1])[0]?.[0];

describe('topics from example questions', () => {
  const index = new ExampleIndex(examples);

  it('reads an inflected, misspelt question as the topic of the examples it resembles', () => {
    expect(top(index, 'vois varata aikaa valmentajalle?')).toBe('booking');
    expect(top(index, 'mitä ne valmentajat tekee')).toBe('coach');
    expect(top(index, 'työmarkkinatuen haku kelalta')).toBe('benefits');
  });

  it('works in Arabic script, with the attached article and prefixes', () => {
    expect(top(index, 'بدي موعد مع مدربي')).toBe('booking');
    expect(top(index, 'شو عمل المدرب')).toBe('coach');
  });

  it('says how much of a message the examples know: all of a known question, nothing of words no example has', () => {
    expect(index.vote('mitä valmentaja oikein tekee').known).toBe(1);
    const unknown = index.vote('xyzzy qwv');
    expect(unknown.known).toBe(0);
    expect(unknown.votes.size).toBe(0);
  });

  it('gives votes that add up to at most one', () => {
    const sum = [...index.vote('valmentaja kela aika').votes.values()].reduce((a, b) => a + b, 0);
    expect(sum).toBeGreaterThan(0);
    expect(sum).toBeLessThanOrEqual(1 + 1e-9);
  });

  it('ships examples for every article, and messages about none of them', () => {
    const kb = getKnowledgeBase();
    const tuning = loadExamples();
    const articles = articleExamples(kb);
    const offTopic = offTopicExamples();
    expect(getExampleIndex().size).toBe(tuning.length + articles.length + offTopic.length);
    for (const id of kb.ids) expect(articles.some((e) => e.expected === id), id).toBe(true);
    expect(offTopic.length).toBeGreaterThanOrEqual(10 * 30);
  });
});
