// Writes demo/import-customers.csv: 200 new customers for the admin page's import, five of them with
// a mistake the import reports (row and column), and a column no property has ("Newsletter").
//   node demo/make-import-csv.mjs
import { writeFileSync } from 'node:fs';

const first = ['Ada', 'Bo', 'Cai', 'Dina', 'Emil', 'Fatma', 'Gus', 'Hana', 'Ivo', 'Jin', 'Kemal', 'Lea', 'Mo', 'Nia'];
const last = ['Berg', 'Costa', 'Dahl', 'Esposito', 'Fischer', 'García', 'Horvat', 'Ito', 'Jensen', 'Kowalski'];
const colors = ['red', 'blue', 'green', 'cyan', 'magenta', 'yellow', 'grey', 'white', 'black'];
const interests = ['cycling', 'hiking', 'cooking', 'chess', 'jazz', 'football', 'photography', 'gardening'];
let seed = 7;
const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
const pick = (list) => list[Math.floor(random() * list.length)];
const quote = (cell) => (/[",\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell);

const rows = [
  ['id', 'channel', 'number', 'name', 'Favorite color', 'shoe_size', 'birthday', 'interests', 'Newsletter'],
];
for (let i = 1; i <= 200; i++) {
  const telegram = random() < 0.4;
  const row = [
    `imp-${String(i).padStart(3, '0')}`,
    telegram ? 'telegram' : 'whatsapp',
    telegram ? String(700000000 + i) : `+49151${String(1000000 + i * 37).padStart(7, '0')}`,
    `${pick(first)} ${pick(last)}`,
    random() < 0.8 ? pick(colors) : '',
    random() < 0.7 ? String(36 + Math.floor(random() * 10)) : '',
    random() < 0.6
      ? `19${50 + Math.floor(random() * 50)}-0${1 + Math.floor(random() * 9)}-1${Math.floor(random() * 9)}`
      : '',
    random() < 0.5 ? JSON.stringify(interests.filter(() => random() < 0.3)) : '',
    random() < 0.5 ? 'yes' : 'no',
  ];
  if (row[7] === '[]') row[7] = '';
  rows.push(row);
}
// The mistakes: rows 12, 47, 90, 133 and 176 of the file (the header is row 1).
rows[11][5] = 'forty-two';
rows[46][6] = '1990-02-30';
rows[89][4] = 'purple';
rows[132] = [...rows[132].slice(0, 1), 'whatsapp', '015112345', ...rows[132].slice(3)];
rows[175] = [...rows[175], 'one cell too many'];
writeFileSync(
  new URL('./import-customers.csv', import.meta.url),
  `${rows.map((r) => r.map(quote).join(',')).join('\r\n')}\r\n`,
);
