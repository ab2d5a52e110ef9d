;;; drive.el --- drives Emacs's Eglot against the built server, as test/lsp/eglot.test.ts asks  -*- lexical-binding: t -*-
;; Loaded after the README's Eglot configuration: opens the seed policy (js-mode in Emacs 28, so
;; Eglot says its language is "js"), waits for its diagnostics, asks for completion and a hover, takes
;; the quick fix of "s3.ListBucket" and the access-summary code lens's command, and writes what it saw
;; as JSON to $IAM_RESULT.
(require 'eglot)
(require 'json)
(require 'cl-lib)

(defvar iam-result (list))
(defun iam-put (key value) (push (cons key value) iam-result))
(defun iam-finish ()
  (with-temp-file (getenv "IAM_RESULT") (insert (json-encode iam-result)))
  (kill-emacs 0))
(defun iam-wait (what condition)
  (let ((deadline (+ (float-time) 15)))
    (while (and (not (funcall condition)) (< (float-time) deadline))
      (accept-process-output nil 0.05))
    (unless (funcall condition) (error "timed out waiting for %s" what))))
(defvar iam-messages nil)
(advice-add 'eglot--message :before (lambda (format &rest args) (push (apply #'format format args) iam-messages)))
(advice-add 'eglot--warn :before (lambda (format &rest args) (push (concat "WARN " (apply #'format format args)) iam-messages)))
;; batch Emacs cannot answer "edit these files?": yes
(fset 'y-or-n-p (lambda (&rest _) t))

(defun iam-codes ()
  (sort (mapcar (lambda (d) (let ((lsp (cdr (assoc 'eglot-lsp-diag (flymake-diagnostic-data d)))))
                              (format "%s" (plist-get lsp :code))))
                (flymake-diagnostics))
        #'string<))

(condition-case err
    (progn
      (find-file (getenv "IAM_POLICY"))
      (iam-put 'mode (symbol-name major-mode))
      (apply #'eglot (eglot--guess-contact))
      (iam-wait "the server" (lambda () (eglot-current-server)))
      (let ((server (eglot-current-server)))
        (iam-put 'language_id (eglot--language-id server))
        (iam-wait "diagnostics" (lambda () (flymake-start) (iam-codes)))
        (iam-put 'diagnostics (iam-codes))
        ;; hover on "Effect"
        (goto-char (point-min))
        (search-forward "\"Effect\"")
        (backward-char 3)
        (let ((hover (jsonrpc-request server :textDocument/hover (eglot--TextDocumentPositionParams))))
          (iam-put 'hover (plist-get (plist-get hover :contents) :value)))
        ;; the quick fix of "s3.ListBucket", as eglot-code-actions applies it
        (goto-char (point-min))
        (search-forward "\"s3.ListBucket\"")
        (backward-char 3)
        (let* ((actions (eglot-code-actions (point) (point)))
               (fix (cl-find-if (lambda (a) (string-match-p "s3:ListBucket" (plist-get a :title))) actions)))
          (iam-put 'code_actions (mapcar (lambda (a) (plist-get a :title)) actions))
          (eglot--apply-workspace-edit (plist-get fix :edit))
          (eglot--signal-textDocument/didChange))
        (iam-put 'fixed_line (buffer-substring-no-properties (line-beginning-position) (line-end-position)))
        ;; completion where "s3:Put is typed, in the server's order (sortText)
        (beginning-of-line)
        (search-forward "s3:ListBucket")
        (delete-region (- (point) (length "s3:ListBucket")) (point))
        (insert "s3:Put")
        (eglot--signal-textDocument/didChange)   ; what Eglot does before its own requests
        (let* ((list (jsonrpc-request server :textDocument/completion (eglot--TextDocumentPositionParams)))
               (items (append (if (vectorp list) list (plist-get list :items)) nil))
               (sorted (sort items (lambda (a b) (string< (or (plist-get a :sortText) "") (or (plist-get b :sortText) ""))))))
          (iam-put 'completion (mapcar (lambda (i) (plist-get i :label)) (seq-take sorted 5)))
          (iam-put 'completion_snippets (cl-count-if (lambda (i) (eql (plist-get i :insertTextFormat) 2)) items)))
        ;; the access-summary code lens's command, as Eglot runs a command
        (let* ((lenses (jsonrpc-request server :textDocument/codeLens (list :textDocument (eglot--TextDocumentIdentifier))))
               (command (plist-get (aref lenses 0) :command)))
          (iam-put 'code_lens (plist-get command :title))
          (iam-put 'access_summary (eglot-execute-command server (intern (plist-get command :command)) (plist-get command :arguments))))
        (iam-put 'messages iam-messages)))
  (error (iam-put 'error (error-message-string err))))
(iam-finish)
