// A classic script, not a module: it runs even where the page was opened as a file (file://),
// where browsers refuse the page's module scripts. Served over http(s), it hides the message
// (before the first paint) that tells someone who opened dist/index.html as a file how to serve it.
"use strict";
if (location.protocol === "http:" || location.protocol === "https:") document.documentElement.classList.add("served");
