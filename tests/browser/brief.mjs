// Drives brief's web page in headless Chromium: pastes an article, gets its brief,
// clicks a takeaway and checks its source passage is shown and highlighted, checks
// that hostile text in a stored story stays text, and saves screenshots.
// Usage: node brief.mjs BASE_URL OUT_DIR ARTICLE_FILE HOSTILE_STORY_ID
import { chromium } from 'playwright-core';
import { readFileSync, mkdirSync } from 'node:fs';

const [base, outDir, articleFile, hostileStory] = process.argv.slice(2);
mkdirSync(outDir, { recursive: true });
const fail = (msg) => { console.error('browser test: ' + msg); process.exit(1); };

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
});
try {
  const page = await browser.newPage({ viewport: { width: 390, height: 844 } }); // a phone
  const dialogs = [];
  page.on('dialog', async (d) => { dialogs.push(d.message()); await d.dismiss(); });

  await page.goto(base + '/');
  if (!(await page.locator('h1', { hasText: 'Stories' }).count())) fail('no story list on /');
  await page.fill('textarea[name=text]', readFileSync(articleFile, 'utf8'));
  await Promise.all([page.waitForNavigation(), page.click('form[action="/brief"] button[type=submit]')]);
  if (!(await page.locator('h2', { hasText: 'Key Takeaways' }).count())) fail('no brief after pasting');

  const takeaway = page.locator('ul li .s').first();
  const sentence = (await takeaway.textContent()).trim();
  await takeaway.click();
  const panel = page.locator('#src');
  if (!(await panel.isVisible())) fail('the source panel did not open');
  const marked = (await panel.locator('mark').textContent()).replace(/\s+/g, ' ').trim();
  const firstWords = sentence.split(/\s+/).slice(0, 4).join(' ');
  if (!marked.includes(firstWords)) fail(`highlighted source "${marked.slice(0, 80)}" does not hold "${firstWords}"`);
  if (!(await takeaway.evaluate((el) => el.classList.contains('on')))) fail('the clicked sentence is not marked');
  await page.screenshot({ path: `${outDir}/brief.png`, fullPage: true });

  // A stored story whose text carries markup and scripts: shown as text, nothing runs.
  await page.goto(`${base}/stories/${hostileStory}`);
  const scripts = await page.locator('script').count();
  const injected = await page.evaluate(() => ({
    imgs: document.querySelectorAll('img').length,
    handlers: [...document.querySelectorAll('*')].filter((el) => [...el.attributes].some((a) => a.name.startsWith('on'))).length,
    jsLinks: [...document.querySelectorAll('a')].filter((a) => a.href.startsWith('javascript:')).length,
    text: document.body.innerText,
  }));
  if (scripts !== 2) fail(`expected the page's two scripts, found ${scripts}`);
  if (injected.imgs || injected.handlers || injected.jsLinks) fail('markup from the article became elements: ' + JSON.stringify(injected));
  if (!injected.text.includes('<script>')) fail('the hostile text is not shown as text');
  if (dialogs.length) fail('a script from the article ran: ' + dialogs.join(', '));
  if (!(await page.locator('svg.chart').count())) fail('no timeline or coverage chart on the story page');
  await page.screenshot({ path: `${outDir}/story.png`, fullPage: true });
  console.log('browser test: ok');
} finally {
  await browser.close();
}
