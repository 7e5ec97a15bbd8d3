// The skip link moves the keyboard focus to the page content. Blazor's router takes over clicks on in-page links
// (it scrolls, the focus stays in the header), so the link is handled here first, in the capture phase.
document.addEventListener('click', event => {
  const link = event.target instanceof Element ? event.target.closest('a.skip-link') : null;
  const main = document.getElementById('main');
  if (link && main) {
    event.preventDefault();
    event.stopPropagation();
    main.focus();
  }
}, true);
