// Link each finding card with its marks in the text: hover or click one, the other lights up.
(function () {
  const cards = document.querySelectorAll(".finding-card");
  const marksFor = (i) => document.querySelectorAll(`mark.finding[data-findings~="${i}"]`);
  cards.forEach((card) => {
    const i = card.dataset.finding;
    card.addEventListener("mouseenter", () => marksFor(i).forEach((m) => m.classList.add("lit")));
    card.addEventListener("mouseleave", () => marksFor(i).forEach((m) => m.classList.remove("lit")));
    card.addEventListener("click", () => {
      const first = marksFor(i)[0];
      if (first) first.scrollIntoView({ behavior: "smooth", block: "center" });
    });
  });
  document.querySelectorAll("mark.finding").forEach((mark) => {
    mark.addEventListener("click", () => {
      const i = mark.dataset.findings.split(" ")[0];
      const card = document.querySelector(`.finding-card[data-finding="${i}"]`);
      if (card) {
        card.scrollIntoView({ behavior: "smooth", block: "nearest" });
        card.classList.add("lit");
        setTimeout(() => card.classList.remove("lit"), 1500);
      }
    });
  });
})();
