import type { Request, Response, Router } from 'express';
import { z } from 'zod';
import { OpsError } from '../ops/index.ts';
import { opsActorOf, signedInUser } from './actor.ts';
import { renderExceptionPage, loadExceptionPage } from './exception-page.ts';
import { renderFlash, setFlash, takeFlash } from './flash.ts';
import { html } from './html.ts';
import { doneText, FORM_COMMANDS, parseForm } from './inbox-actions.ts';
import { INBOX_PATH, InboxFilter, loadInbox, renderInbox, type InboxDeps } from './inbox.ts';
import { page } from './layout.ts';
import { sendProblem } from './problem-page.ts';

// The inbox's routes, mounted behind the session and CSRF checks (router.ts):
// GET the list and an exception; POST a command, then 303 back with a flash.

const uuid = z.uuid();
const back = { href: INBOX_PATH, label: 'Back to the exceptions' };

/** A refusal of the ops core: a status for "may not" and "no such", a flash on the exception for the rest. */
function answerRefusal(res: Response, err: unknown, exceptionId: string): void {
  if (!(err instanceof OpsError)) throw err;
  const user = signedInUser(res);
  if (err.code === 'forbidden') return sendProblem(res, { status: 403, title: 'Not allowed', text: err.message, user, back });
  if (err.code === 'not_found') return sendProblem(res, { status: 404, title: 'Not found', text: err.message, user, back });
  setFlash(res, { kind: 'refused', text: err.message });
  res.redirect(303, `${INBOX_PATH}/${exceptionId}`);
}

export function mountInbox(router: Router, deps: InboxDeps): void {
  router.get('/exceptions', async (req: Request, res: Response) => {
    const user = signedInUser(res);
    const filter = InboxFilter.safeParse(req.query);
    if (!filter.success) {
      const text = filter.error.issues.map((i) => `${i.path.join('.') || 'query'} ${i.message}`).join('; ');
      return sendProblem(res, { status: 400, title: 'Unknown filter', text, user, back });
    }
    const inbox = await loadInbox(deps, user, filter.data);
    if (!inbox) return sendProblem(res, { status: 400, title: 'Unknown page', text: 'after names no exception; start again from the first page.', user, back });
    const body = html`${renderFlash(takeFlash(req, res))}${renderInbox(inbox)}`;
    res.type('html').send(page({ title: 'Exceptions', body, user, current: INBOX_PATH }));
  });

  router.get('/exceptions/:id', async (req: Request, res: Response) => {
    const user = signedInUser(res);
    const id = String(req.params.id);
    if (!uuid.safeParse(id).success) return sendProblem(res, { status: 404, title: 'Not found', text: `Exception ${id} was not found.`, user, back });
    try {
      const body = html`${renderFlash(takeFlash(req, res))}${renderExceptionPage(await loadExceptionPage(deps, user, id), user)}`;
      res.type('html').send(page({ title: 'Exception', body, user, current: INBOX_PATH }));
    } catch (err) {
      answerRefusal(res, err, id);
    }
  });

  router.post('/exceptions/:id/:command', async (req: Request, res: Response) => {
    const user = signedInUser(res);
    const id = String(req.params.id);
    const spec = FORM_COMMANDS.get(String(req.params.command));
    if (!spec || !uuid.safeParse(id).success) return sendProblem(res, { status: 404, title: 'Not found', text: 'There is no such exception or command.', user, back });
    const parsed = parseForm(spec, id, (req.body ?? {}) as Record<string, unknown>);
    if (!parsed.ok) return sendProblem(res, { status: 400, title: 'Not sent', text: parsed.problem, user, back: { href: `${INBOX_PATH}/${id}`, label: 'Back to the exception' } });
    let outcome;
    try {
      outcome = await deps.ops.execute(parsed.command, opsActorOf(user));
    } catch (err) {
      return answerRefusal(res, err, id);
    }
    setFlash(res, { kind: 'done', text: doneText(spec, outcome) });
    res.redirect(303, spec.closes ? INBOX_PATH : `${INBOX_PATH}/${id}`);
  });
}
