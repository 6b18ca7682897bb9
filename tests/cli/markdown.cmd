markdown.md
