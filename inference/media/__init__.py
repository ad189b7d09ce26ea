"""Media checks shared by every engine: images here; video sampling lives in inference/video."""
