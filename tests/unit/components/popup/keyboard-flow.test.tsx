import { cleanup, fireEvent, screen } from '@testing-library/preact';
import { afterEach, describe, expect, test } from 'vitest';
import { renderPopup } from './helpers/render-popup';
import { rosterState } from './helpers/state';

afterEach(cleanup);

const search = () => screen.getByRole<HTMLInputElement>('searchbox');
const key = (target: Element | null, name: string) => fireEvent.keyDown(target ?? document.body, { key: name });
const focused = () => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.textContent;
const announced = () => document.querySelector('[aria-live="polite"]')?.textContent.trim();

describe('the people list from the keyboard', () => {
  test('arrows move through the Call buttons; up from the first returns to the search', () => {
    renderPopup(rosterState());
    key(search(), 'ArrowDown');
    expect(focused()).toBe('Call <img src=x onerror=alert(1)>');
    key(document.activeElement, 'ArrowDown');
    expect(focused()).toBe('Call Alice Martin');
    key(document.activeElement, 'End');
    expect(focused()).toBe('Offline (3)');
    key(document.activeElement, 'Home');
    key(document.activeElement, 'ArrowUp');
    expect(document.activeElement).toBe(search());
  });

  test('the list is one tab stop: the active row’s button', () => {
    renderPopup(rosterState());
    key(search(), 'ArrowDown');
    key(document.activeElement, 'ArrowDown');
    const stops = [...document.querySelectorAll('.people__list button')].filter(
      (button) => button.getAttribute('tabindex') === '0',
    );
    expect(stops.map((button) => button.getAttribute('aria-label'))).toEqual(['Call Alice Martin']);
  });

  test('Enter arms the call, says so, and Enter again places it', () => {
    const { client } = renderPopup(rosterState());
    fireEvent.input(search(), { target: { value: 'alice' } });
    key(search(), 'Enter');
    expect(client.ops('sendCall')).toHaveLength(0);
    expect(document.querySelector('.is-armed')?.textContent).toContain('Enter again to call · Esc to cancel');
    expect(announced()).toBe('Call Alice Martin? Press Enter again to call, Escape to cancel.');
    key(search(), 'Enter');
    expect(client.ops('sendCall')).toEqual([{ op: 'sendCall', to: '4' }]);
    expect(document.querySelector('.is-armed')).toBeNull();
  });

  test('Escape cancels an armed call, then clears the search', () => {
    const { client } = renderPopup(rosterState());
    fireEvent.input(search(), { target: { value: 'li' } });
    key(search(), 'Enter');
    key(search(), 'Escape');
    expect(document.querySelector('.is-armed')).toBeNull();
    key(search(), 'Enter');
    key(search(), 'Escape');
    key(search(), 'Escape');
    expect(search().value).toBe('');
    expect(client.ops('sendCall')).toHaveLength(0);
  });

  test('on a row, Enter and Space arm too: a focused button never calls on one key', () => {
    const { client } = renderPopup(rosterState());
    key(search(), 'ArrowDown');
    key(document.activeElement, ' ');
    expect(client.ops('sendCall')).toHaveLength(0);
    key(document.activeElement, 'Enter');
    expect(client.ops('sendCall')).toEqual([{ op: 'sendCall', to: '13' }]);
  });

  test('moving away calls off the armed call', () => {
    const { client } = renderPopup(rosterState());
    key(search(), 'ArrowDown');
    key(document.activeElement, 'Enter');
    key(document.activeElement, 'ArrowDown');
    key(document.activeElement, 'Enter');
    expect(client.ops('sendCall')).toHaveLength(0);
    expect(document.querySelector('.is-armed .name')?.textContent).toBe('Alice Martin');
  });

  test('typing on a row goes back to the search box', () => {
    renderPopup(rosterState());
    key(search(), 'ArrowDown');
    key(document.activeElement, 'w');
    expect(document.activeElement).toBe(search());
  });

  test('Enter while an input method composes is the input method’s', () => {
    const { client } = renderPopup(rosterState());
    fireEvent.input(search(), { target: { value: 'li' } });
    fireEvent.keyDown(search(), { key: 'Enter', isComposing: true });
    fireEvent.keyDown(search(), { key: 'Enter', isComposing: true });
    expect(document.querySelector('.is-armed')).toBeNull();
    expect(client.ops('sendCall')).toHaveLength(0);
  });

  test('Enter on the offline head opens the section', () => {
    renderPopup(rosterState());
    key(search(), 'ArrowDown');
    key(document.activeElement, 'End');
    key(document.activeElement, 'Enter');
    expect(screen.getByRole('button', { name: 'Offline (3)' }).getAttribute('aria-expanded')).toBe('true');
  });
});

describe('tabs from the keyboard', () => {
  test('arrow keys switch between the people and the calls', () => {
    renderPopup(rosterState());
    const people = screen.getByRole('tab', { name: 'Online (4)' });
    key(people, 'ArrowRight');
    const calls = screen.getByRole('tab', { name: 'Calls' });
    expect(calls.getAttribute('aria-selected')).toBe('true');
    expect(document.activeElement).toBe(calls);
    expect(screen.getByRole('tabpanel').getAttribute('aria-labelledby')).toBe('tab-calls');
    key(calls, 'ArrowLeft');
    expect(screen.getByRole('tab', { name: 'Online (4)' }).getAttribute('aria-selected')).toBe('true');
  });
});
