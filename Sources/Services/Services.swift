// Services module
