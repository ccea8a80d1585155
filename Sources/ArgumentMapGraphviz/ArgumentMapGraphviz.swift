// ArgumentMapGraphviz: views, Scene, DOT, rendering through libgvc.
