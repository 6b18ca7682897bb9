;; Driven by tests/lsp/editors.sh: the Eglot setup of docs/editors.md, then
;; the diagnostics of test.txt and its first quick fix, printed.
(require 'eglot)
(add-to-list 'eglot-server-programs
             '((text-mode markdown-mode) . ("vnlint" "--lsp")))
(add-hook 'text-mode-hook #'eglot-ensure)
(defun check-wait (pred)
  (let ((tries 0))
    (while (and (< tries 100) (not (funcall pred)))
      (accept-process-output nil 0.1)
      (setq tries (1+ tries)))))
(find-file "test.txt")
;; eglot-ensure connects from post-command-hook, which batch mode never runs.
(unless (eglot-current-server)
  (apply #'eglot (eglot--guess-contact)))
(check-wait (lambda () (>= (length (flymake-diagnostics)) 2)))
(dolist (d (flymake-diagnostics))
  (princ (format "test.txt %S\n"
                 (buffer-substring-no-properties (flymake-diagnostic-beg d)
                                                 (flymake-diagnostic-end d)))))
(goto-char (point-min))
(search-forward "hòan")
(let ((actions (eglot-code-actions (match-beginning 0) (match-end 0))))
  (princ (format "first action: %s\n" (plist-get (car actions) :title)))
  (eglot--apply-workspace-edit (plist-get (car actions) :edit)))
(princ (format "line 1: %s\n" (buffer-substring-no-properties
                                (point-min) (line-end-position 1))))
;; Eglot sends changes from an idle timer, which batch mode never runs.
(eglot--signal-textDocument/didChange)
(check-wait (lambda () (= (length (flymake-diagnostics)) 1)))
(princ (format "diagnostics after the fix: %d\n"
               (length (flymake-diagnostics))))
(set-buffer-modified-p nil)
(eglot-shutdown (eglot-current-server))
(kill-emacs 0)
