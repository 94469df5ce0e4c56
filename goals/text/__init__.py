"""The strategy text: chapters and paragraphs, open for comment paragraph by paragraph."""
