// Lets the administrator listen to a chosen file before saving it.
"use strict";
document.querySelectorAll("input[type=file][data-preview]").forEach((input) => {
  input.addEventListener("change", () => {
    const player = document.getElementById(input.dataset.preview);
    const file = input.files && input.files[0];
    if (!player || !file) return;
    if (player.src) URL.revokeObjectURL(player.src);
    player.src = URL.createObjectURL(file);
    player.hidden = false;
  });
});
