// ArgumentInterchange: Argdown, AIF, Kialo import/export; ICCMA export.
