import { expect } from 'chai';
import { slugify, suggestName } from './index.js';

describe('suggestName in every script an admin may type', () => {
  it('spells the letters that do not decompose (ə, ɛ, ı, ŋ, þ, ð, æ, œ) in Latin letters', () => {
    for (const [label, name] of [
      ['Şəhər', 'seher'],
      ['ɛwe', 'ewe'],
      ['Akwaaba ɔdɔ', 'akwaaba_odo'],
      ['Işık', 'isik'],
      ['Ŋɔnɔ', 'ngono'],
      ['Þórður', 'thordur'],
      ['Æble', 'aeble'],
      ['Œuvre', 'oeuvre'],
      ['Favorite color', 'favorite_color'],
      ['Größe (cm)', 'grosse_cm'],
    ]) {
      expect(suggestName(label!, []), label).to.equal(name);
    }
  });

  it('spells Cyrillic (Russian, Ukrainian) and Greek, accents and all, in Latin letters', () => {
    for (const [label, name] of [
      ['Город', 'gorod'],
      ['Любимый цвет', 'lyubimyy_tsvet'],
      ['Щедрость, объём', 'shchedrost_obem'],
      ['Улюблений колір', 'ulyubleniy_kolir'],
      ['Їжак і ґанок', 'yizhak_i_ganok'],
      ['Європа', 'yevropa'],
      ['Πόλη', 'poli'],
      ['Αγαπημένο χρώμα', 'agapimeno_chroma'],
      ['ΨΥΧΉ', 'psychi'],
      ['Θάλασσα', 'thalassa'],
    ]) {
      expect(suggestName(label!, []), label).to.equal(name);
    }
  });

  it('still falls back for a script it has no letters for, and stays unique', () => {
    expect(suggestName('好きな色', [])).to.equal('property');
    expect(suggestName('Город', ['GOROD'])).to.equal('gorod_2');
    expect(slugify('Цвет', 'option')).to.equal('tsvet');
    expect(slugify('2 цвета', 'option')).to.equal('option_2_tsveta');
  });
});
