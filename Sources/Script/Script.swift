// Script module
