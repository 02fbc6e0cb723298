// The visitor's own time beside the organiser's, on an event page. The page says the organiser's
// time and zone without this script; where it runs, each [data-local-time] line the server left
// hidden is filled with the same start and end in the browser's zone and the page's language.
(() => {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  for (const line of document.querySelectorAll('[data-local-time]')) {
    const start = new Date(line.dataset.start);
    const end = new Date(line.dataset.end);
    if (!zone || zone === line.dataset.zone || Number.isNaN(start.getTime()) || Number.isNaN(end.getTime())) continue;
    const format = new Intl.DateTimeFormat(document.documentElement.lang || undefined, {
      year: 'numeric',
      month: 'long',
      day: 'numeric',
      hour: 'numeric',
      minute: '2-digit',
      timeZoneName: 'short',
    });
    const when = typeof format.formatRange === 'function' ? format.formatRange(start, end) : `${format.format(start)} – ${format.format(end)}`;
    line.textContent = line.dataset.label.replace('{time}', when);
    line.hidden = false;
  }
})();
