// CrossAccount module
