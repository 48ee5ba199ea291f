/// The app's script (served as `/app.js`): plain JavaScript, no library. It keeps the person's
/// state (corpus, curriculum, exclusions), asks the server for the report, and builds its own
/// elements with `textContent` only; HTML it inserts comes from the server, escaped there.
enum AppScript {
  static let source = #"""
    'use strict';
    (function () {
      const $ = (id) => document.getElementById(id);
      const initial = JSON.parse($('initial-state').textContent);
      const state = {
        corpus: initial.corpus, corpusName: initial.corpusName,
        curriculum: initial.curriculum, labels: Object.assign({}, initial.curriculum.labels || {}),
        excludedSkills: [], excludedPostings: [],
        compareCorpus: null, compareCurriculum: null, generation: 0
      };
      window.jobLensState = state;

      function status(text, isError) {
        const element = $('status');
        element.textContent = text;
        element.className = isError ? 'error' : '';
      }
      function showErrors(message, problems) {
        const box = $('errors');
        box.textContent = '';
        if (!message) return;
        const p = document.createElement('p');
        p.textContent = message;
        box.appendChild(p);
        if (problems && problems.length) {
          const list = document.createElement('ul');
          for (const problem of problems) {
            const item = document.createElement('li');
            item.textContent = problem;
            list.appendChild(item);
          }
          box.appendChild(list);
        }
      }
      function element(tag, text, attributes) {
        const node = document.createElement(tag);
        if (text !== undefined && text !== null) node.textContent = text;
        for (const [name, value] of Object.entries(attributes || {})) node.setAttribute(name, value);
        return node;
      }
      function fail(error) {
        status('Something went wrong: ' + error.message, true);
        showErrors(error.message, error.problems);
      }
      async function answer(response) {
        let body = null;
        try { body = await response.json(); } catch (e) { body = null; }
        if (!response.ok) {
          const error = new Error((body && body.error) || ('the server answered ' + response.status));
          error.problems = body && body.problems;
          throw error;
        }
        return body;
      }
      async function post(path, body) {
        return answer(await fetch(path, {
          method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body)
        }));
      }
      async function get(path) { return answer(await fetch(path)); }

      // Uploads with a progress bar (fetch cannot report upload progress).
      function upload(path, body) {
        return new Promise((resolve, reject) => {
          const bar = $('upload-progress');
          const request = new XMLHttpRequest();
          request.open('POST', path);
          request.upload.onprogress = (event) => {
            if (event.lengthComputable) {
              bar.hidden = false;
              bar.value = Math.round(100 * event.loaded / event.total);
              status('Uploading… ' + bar.value + '%');
            }
          };
          request.upload.onload = () => { status('Reading and analysing the postings…'); bar.removeAttribute('value'); };
          request.onload = () => {
            bar.hidden = true;
            bar.value = 0;
            let body = null;
            try { body = JSON.parse(request.responseText); } catch (e) { body = null; }
            if (request.status >= 200 && request.status < 300 && body) { resolve(body); return; }
            const error = new Error((body && body.error) || ('the server answered ' + request.status));
            error.problems = body && body.problems;
            reject(error);
          };
          request.onerror = () => { bar.hidden = true; reject(new Error('the upload failed (is the server running?)')); };
          request.send(body);
        });
      }
      function measurement() {
        return {
          corpus: state.corpus, curriculum: state.curriculum,
          excludedSkills: state.excludedSkills, excludedPostings: state.excludedPostings
        };
      }
      async function refresh() {
        const generation = ++state.generation;
        status('Measuring…');
        try {
          const result = await post('/app/report', measurement());
          if (generation !== state.generation) return;
          $('report-area').innerHTML = result.html;
          showErrors('');
          status('Report updated: ' + result.postings + ' postings, ' +
            (100 * result.coverage).toFixed(1).replace(/\.0$/, '') + '% of the demand taught.');
          renderEdits();
        } catch (error) { fail(error); }
      }

      function renderEdits() {
        const box = $('edits');
        box.textContent = '';
        const lists = [
          ['Skills you excluded: ', state.excludedSkills, (uri) => state.labels[uri] || uri],
          ['Postings you excluded: ', state.excludedPostings, (id) => id]
        ];
        for (const [title, list, name] of lists) {
          if (!list.length) continue;
          const p = element('p', title);
          for (const value of list) {
            const chip = element('span', name(value) + ' ', { class: 'chip' });
            const undo = element('button', 'undo', { type: 'button' });
            undo.addEventListener('click', () => {
              list.splice(list.indexOf(value), 1);
              refresh();
            });
            chip.appendChild(undo);
            p.appendChild(chip);
          }
          box.appendChild(p);
        }
      }

      function openPanel(title) {
        const panel = $('panel');
        panel.textContent = '';
        panel.hidden = false;
        const close = element('button', 'Close', { type: 'button', id: 'panel-close' });
        close.addEventListener('click', () => { panel.hidden = true; });
        panel.appendChild(close);
        panel.appendChild(element('h3', title));
        panel.scrollIntoView({ block: 'nearest' });
        return panel;
      }

      async function showPostings(ids, title) {
        try {
          const postings = await get('/app/postings?corpus=' + encodeURIComponent(state.corpus) +
            '&ids=' + encodeURIComponent(ids));
          const panel = openPanel('Postings asking for “' + title + '” (' + postings.length + ')');
          const list = element('ul');
          for (const posting of postings) {
            const item = element('li', (posting.title || posting.id) + ' (' + posting.id + ') ');
            item.appendChild(element('button', 'Explain', { type: 'button', 'data-action': 'explain', 'data-id': posting.id }));
            item.appendChild(element('button', 'Exclude posting', { type: 'button', 'data-action': 'exclude-posting', 'data-id': posting.id }));
            if (posting.skills.length) item.appendChild(element('div', 'Skills: ' + posting.skills.join('; '), { class: 'muted' }));
            list.appendChild(item);
          }
          panel.appendChild(list);
        } catch (error) { fail(error); }
      }

      async function explain(id) {
        try {
          const result = await get('/app/explain?corpus=' + encodeURIComponent(state.corpus) +
            '&id=' + encodeURIComponent(id));
          const panel = openPanel('Explained');
          const body = element('div');
          body.innerHTML = result.html;
          panel.appendChild(body);
        } catch (error) { fail(error); }
      }

      function findItem(id) {
        for (const area of state.curriculum.areas) {
          for (const item of area.items) if (item.id === id) return item;
        }
        return null;
      }

      async function editItem(id) {
        try {
          const result = await post('/app/suggest', { curriculum: state.curriculum, item: id });
          const item = findItem(id);
          const panel = openPanel('Skills of “' + result.title + '”');
          if (result.automatic) {
            panel.appendChild(element('p', 'This item lists no skills: these were matched automatically. Accepting or rejecting one makes the list explicit.', { class: 'muted' }));
          }
          const current = result.skills.map((s) => s.uri);
          const setSkills = (uris) => { item.skills = uris; refresh().then(() => editItem(id)); };
          const taught = element('ul', null, { id: 'item-skills' });
          for (const skill of result.skills) {
            state.labels[skill.uri] = skill.label;
            const li = element('li', skill.label + ' ');
            const reject = element('button', 'Reject', { type: 'button', class: 'reject-skill' });
            reject.addEventListener('click', () => setSkills(current.filter((uri) => uri !== skill.uri)));
            li.appendChild(reject);
            taught.appendChild(li);
          }
          panel.appendChild(taught);
          panel.appendChild(element('h4', 'Suggested ESCO skills'));
          const suggested = element('ul', null, { id: 'item-suggestions' });
          for (const skill of result.suggestions) {
            state.labels[skill.uri] = skill.label;
            const li = element('li', skill.label + ' (score ' + skill.score.toFixed(2) + ') ');
            const accept = element('button', 'Accept', { type: 'button', class: 'accept-skill' });
            accept.addEventListener('click', () => setSkills(current.concat([skill.uri])));
            li.appendChild(accept);
            suggested.appendChild(li);
          }
          panel.appendChild(suggested);
          panel.appendChild(element('h4', 'Phrases (as postings word the task)'));
          panel.appendChild(element('p', result.phrases.length ? result.phrases.join('; ') : 'none'));
          const input = element('input', null, { type: 'text', id: 'new-phrase', 'aria-label': 'New phrase' });
          const add = element('button', 'Add phrase', { type: 'button', id: 'add-phrase' });
          add.addEventListener('click', () => {
            const phrase = input.value.trim();
            if (!phrase) return;
            item.phrases = (item.phrases || []).concat([phrase]);
            refresh().then(() => editItem(id));
          });
          panel.appendChild(input);
          panel.appendChild(add);
        } catch (error) { fail(error); }
      }

      function slug(text) {
        return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40) || 'item';
      }

      function addGap(uri, label, areaID) {
        let area = state.curriculum.areas.find((a) => a.id === areaID);
        if (!area) {
          area = state.curriculum.areas.find((a) => a.id === 'added');
          if (!area) {
            area = { id: 'added', title: 'Added from the gaps', items: [] };
            state.curriculum.areas.push(area);
          }
        }
        let id = area.id + '.' + slug(label);
        while (findItem(id)) id += '-x';
        area.items.push({ id: id, title: label.charAt(0).toUpperCase() + label.slice(1),
          description: 'Teach ' + label + '.', skills: [uri], phrases: [], weight: 1 });
        state.labels[uri] = label;
        refresh();
      }

      document.addEventListener('click', (event) => {
        const target = event.target.closest('[data-action]');
        if (!target) return;
        const data = target.dataset;
        switch (data.action) {
          case 'exclude-skill':
            if (!state.excludedSkills.includes(data.uri)) state.excludedSkills.push(data.uri);
            state.labels[data.uri] = data.label;
            refresh();
            break;
          case 'exclude-posting':
            if (!state.excludedPostings.includes(data.id)) state.excludedPostings.push(data.id);
            $('panel').hidden = true;
            refresh();
            break;
          case 'postings': showPostings(data.ids, data.title); break;
          case 'explain': explain(data.id); break;
          case 'edit-item': editItem(data.item); break;
          case 'add-gap': addGap(data.uri, data.label, data.area); break;
        }
      });

      async function readFile(input) {
        const file = input.files[0];
        input.value = '';
        return file;
      }

      async function uploadPostings(file, format) {
        const name = encodeURIComponent(file.name || 'pasted');
        return upload('/app/corpus?name=' + name + '&format=' + format, file);
      }
      function describeCorpus(result) {
        let text = result.name + ': ' + result.postings + ' postings read';
        if (result.duplicates) text += ', ' + result.duplicates + ' near-duplicates counted once';
        if (result.failed) text += ', ' + result.failed + ' could not be read (' + result.errors.slice(0, 3).join('; ') + ')';
        if (result.skipped && result.skipped.length) text += ', files skipped: ' + result.skipped.slice(0, 5).join(', ');
        return text + '.';
      }

      $('postings-file').addEventListener('change', async (event) => {
        const file = await readFile(event.target);
        if (!file) return;
        try {
          const result = await uploadPostings(file, 'auto');
          state.corpus = result.corpus;
          state.corpusName = result.name;
          state.excludedPostings = [];
          $('corpus-info').textContent = describeCorpus(result);
          await refresh();
        } catch (error) { fail(error); }
      });
      $('paste-button').addEventListener('click', async () => {
        const text = $('paste-text').value;
        if (!text.trim()) { fail(new Error('paste the text of a posting first')); return; }
        try {
          const result = await upload('/app/corpus?name=pasted&format=text', new Blob([text]));
          state.corpus = result.corpus;
          state.corpusName = 'pasted posting';
          $('corpus-info').textContent = describeCorpus(result);
          await refresh();
        } catch (error) { fail(error); }
      });
      $('use-sample').addEventListener('click', () => {
        state.corpus = initial.corpus;
        state.corpusName = initial.corpusName;
        state.excludedPostings = [];
        $('corpus-info').textContent = 'Sample postings.';
        refresh();
      });
      async function uploadCurriculum(file) {
        const result = await upload('/app/curriculum?name=' + encodeURIComponent(file.name), file);
        Object.assign(state.labels, result.curriculum.labels || {});
        return result.curriculum;
      }
      $('curriculum-file').addEventListener('change', async (event) => {
        const file = await readFile(event.target);
        if (!file) return;
        try {
          state.curriculum = await uploadCurriculum(file);
          $('curriculum-info').textContent = state.curriculum.title + ' (from ' + file.name + ').';
          await refresh();
        } catch (error) { fail(error); }
      });
      $('use-default-curriculum').addEventListener('click', () => {
        state.curriculum = JSON.parse($('initial-state').textContent).curriculum;
        $('curriculum-info').textContent = state.curriculum.title + '.';
        refresh();
      });

      async function download(path, body) {
        try {
          const response = await fetch(path, {
            method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body)
          });
          if (!response.ok) { await answer(response); return; }
          const disposition = response.headers.get('Content-Disposition') || '';
          const match = /filename="([^"]+)"/.exec(disposition);
          const link = element('a', '', { href: URL.createObjectURL(await response.blob()), download: match ? match[1] : 'download' });
          document.body.appendChild(link);
          link.click();
          link.remove();
          status('Downloaded ' + (match ? match[1] : 'the file') + '.');
        } catch (error) { fail(error); }
      }
      $('download-yaml').addEventListener('click', () => download('/app/export?format=yaml', { curriculum: state.curriculum }));
      $('download-csv').addEventListener('click', () => download('/app/export?format=csv', { curriculum: state.curriculum }));
      $('download-tables').addEventListener('click', () => download('/app/table?format=csv', measurement()));

      $('compare-postings-file').addEventListener('change', async (event) => {
        const file = await readFile(event.target);
        if (!file) return;
        try {
          const result = await uploadPostings(file, 'auto');
          state.compareCorpus = result.corpus;
          status('Other postings ready: ' + describeCorpus(result));
        } catch (error) { fail(error); }
      });
      $('compare-curriculum-file').addEventListener('change', async (event) => {
        const file = await readFile(event.target);
        if (!file) return;
        try {
          state.compareCurriculum = await uploadCurriculum(file);
          status('Other curriculum ready: ' + state.compareCurriculum.title + '.');
        } catch (error) { fail(error); }
      });
      $('compare-button').addEventListener('click', async () => {
        const right = measurement();
        if (state.compareCorpus) right.corpus = state.compareCorpus;
        if (state.compareCurriculum) right.curriculum = state.compareCurriculum;
        status('Comparing…');
        try {
          const result = await post('/app/compare', { left: measurement(), right: right });
          $('compare-area').innerHTML = result.html;
          status('Comparison ready (A: what you measure now; B: with the other file).');
        } catch (error) { fail(error); }
      });
      status('Ready: sample postings and the default curriculum.');
    })();
    """#
}
