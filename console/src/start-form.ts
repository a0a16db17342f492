// Start execution, with a name and a JSON input: a plain StartExecution call; the endpoint validates as for the CLI.
import { sfn } from './api';
import { errorBox, h, route } from './dom';

export function startForm(stateMachineArn: string, initialInput = '{}'): HTMLElement {
  const input = h('textarea', { class: 'input', attrs: { rows: '6', spellcheck: 'false', 'aria-label': 'Execution input' } });
  input.value = initialInput;
  const name = h('input', { attrs: { type: 'text', placeholder: 'name (optional)', 'aria-label': 'Execution name' } });
  const status = h('div', { class: 'form-status' });
  const button = h(
    'button',
    {
      class: 'primary',
      onClick: () => {
        button.disabled = true;
        status.replaceChildren();
        const body = { stateMachineArn, input: input.value, ...(name.value.trim() ? { name: name.value.trim() } : {}) };
        sfn<{ executionArn: string }>('StartExecution', body)
          .then((out) => void (location.hash = route('execution', out.executionArn)))
          .catch((err: unknown) => status.replaceChildren(errorBox(err)))
          .finally(() => (button.disabled = false));
      },
    },
    'Start execution',
  );
  return h('details', { class: 'start-form' }, h('summary', {}, 'Start execution'), h('div', {}, name), input, h('div', {}, button), status);
}
